import Foundation
import RegistrarModel
import RegistrarInput
import RegistrarStore
import RegistrarRender

/// Writes a deterministic individual roster of N rows and 13 columns, as a member system exports it.
///
/// Every row is valid: identity numbers carry their GB 11643 check character and agree with the
/// birth date and gender, so the benchmark measures the import of good data, validation included.
struct RosterGenerator {
    static let header = "会员编号,姓名,性别,出生日期,身份证号,电子邮箱,手机,工作单位,职称,现从事专业,省份,会员类别,入会日期\n"
    static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
    static let given = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯晨欣怡子涵梓轩雨彤")
    static let employers = ["清华大学", "北京大学", "中国科学院物理研究所", "浙江大学", "复旦大学", "上海交通大学",
                            "中国农业科学院", "华为技术有限公司", "北京协和医院", "武汉大学", "中山大学", "西安交通大学"]
    static let titles = ["教授", "副教授", "研究员", "副研究员", "高级工程师", "工程师", "讲师", "助理研究员"]
    static let disciplines = ["物理学", "化学", "计算机科学与技术", "材料科学", "生物学", "临床医学", "农学", "力学"]
    static let provinces = ["北京", "上海", "广东", "浙江", "江苏", "湖北", "四川", "陕西", "山东", "辽宁"]
    static let areas = ["110105", "310104", "440106", "330106", "320102", "420106", "510107", "610113", "370102", "210102"]
    static let grades = ["普通会员", "普通会员", "普通会员", "高级会员", "学生会员"]

    let rows: Int
    /// The same rows in a fixed pseudo-random order, as an export sorted by something other than
    /// the member number would have them.
    var shuffled = false
    /// The next month's roster: 2 % of the rows changed (a new phone number), 1 % absent and 1 % new
    /// members (numbered after the last), the monthly job's `--snapshot` re-import.
    var changed = false

    /// Every 50th row (from the 8th) has a new phone number in the changed roster.
    static func isChanged(_ index: Int) -> Bool { index % 50 == 7 }
    /// Every 100th row (from the 4th) is left out of the changed roster.
    static func isAbsent(_ index: Int) -> Bool { index % 100 == 3 }

    func write(to path: String) throws {
        let file = try ChunkedFile(path: path)
        file.append(RosterGenerator.header)
        // Each row is made from its own number, so the shuffled file needs no rows held in memory.
        func emit(_ index: Int) { file.append(row(index)) }
        var order = changed ? (0..<rows).filter { !RosterGenerator.isAbsent($0) } + Array(rows..<(rows + rows / 100))
                            : Array(0..<rows)
        if shuffled {
            var shuffler = SplitMix64(seed: 1949)
            for index in stride(from: order.count - 1, to: 0, by: -1) {
                order.swapAt(index, Int(shuffler.next() % UInt64(index + 1)))
            }
        }
        order.forEach(emit)
        try file.close()
    }

    private func row(_ index: Int) -> String {
        // A mixed seed per row: seeds G apart would make each row's stream the next row's, shifted.
        var seeder = SplitMix64(seed: 2018 &+ UInt64(index))
        var random = SplitMix64(seed: seeder.next())
        func pick<T>(_ array: [T]) -> T { array[Int(random.next() % UInt64(array.count))] }
        // Birth date and sequence come from the row number, so identity numbers never collide.
        let born = Day(ordinal: Day(derivedYear: 1950, month: 1, day: 1).ordinal + index % 18_000)
        let year = born.year, month = born.month, day = born.day
        let male = random.next() % 2 == 0
        let area = index % RosterGenerator.areas.count
        let sequence = (index / 18_000) * 2 + (male ? 1 : 0)
        let body = RosterGenerator.areas[area] + String(format: "%04d%02d%02d%03d", year, month, day, sequence)
        let id = body + String(RosterGenerator.checkCharacter(body))
        let name = String(pick(RosterGenerator.surnames)) + String(pick(RosterGenerator.given))
            + (random.next() % 2 == 0 ? String(pick(RosterGenerator.given)) : "")
        let joinYear = 2010 + Int(random.next() % 10)
        let joined = String(format: "%04d-%02d-%02d", joinYear, 1 + Int(random.next() % 12), 1 + Int(random.next() % 28))
        var phone = String(format: "1%02d%08d", 30 + Int(random.next() % 60), Int(random.next() % 100_000_000))
        if changed && RosterGenerator.isChanged(index) {
            phone = String(format: "1%02d%08d", 30 + Int(random.next() % 60), Int(random.next() % 100_000_000))
        }
        let fields = [
            String(format: "M%08d", index + 1), name, male ? "男" : "女",
            String(format: "%04d-%02d-%02d", year, month, day), id,
            "member\(index + 1)@example.org", phone, pick(RosterGenerator.employers), pick(RosterGenerator.titles),
            pick(RosterGenerator.disciplines), RosterGenerator.provinces[area], pick(RosterGenerator.grades), joined,
        ]
        return fields.joined(separator: ",") + "\n"
    }

    /// GB 11643 check character (ISO 7064 MOD 11-2) of the first 17 digits.
    static func checkCharacter(_ body: String) -> Character {
        let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
        let sum = zip(body.utf8.map { Int($0) - 48 }, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return Array("10X98765432")[sum % 11]
    }
}

/// A tiny deterministic generator, so every run writes the same bytes.
struct SplitMix64 {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
