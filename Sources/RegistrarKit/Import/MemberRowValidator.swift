/// Turns one record of an individual roster into normalised, validated member values.
///
/// Every rule a person can fix in the file is checked here, with the column and a reason that says
/// what to do; rows that pass reach the merge as bytes ready to bind.
struct MemberRowValidator {
    let mapping: HeaderMapping
    let units: UnitDirectory
    let asOf: String
    /// The member columns this file provides; the merge leaves the others as they are.
    let columns: [MemberColumn]
    private var scratch: [UInt8] = []
    /// Where each mapped field's normalised bytes are in `scratch`, by the field's slot.
    private var ranges: [Range<Int>?]
    private let fields: [(slot: Int, column: Int)]
    private let slots: [String: Int]

    init(mapping: HeaderMapping, units: UnitDirectory, asOf: String) {
        self.mapping = mapping
        self.units = units
        self.asOf = asOf
        let names = FileKind.members.catalogue.map(\.field)
        slots = Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })
        fields = mapping.columns.compactMap { field, column in
            Dictionary(uniqueKeysWithValues: names.enumerated().map { ($1, $0) })[field].map { ($0, column) }
        }
        ranges = Array(repeating: nil, count: names.count)
        var columns: [MemberColumn] = [.name]
        func add(_ column: MemberColumn, if present: Bool) { if present { columns.append(column) } }
        let hasID = mapping.has("id_number")
        add(.memberNo, if: mapping.has("member_no"))
        add(.gender, if: mapping.has("gender") || hasID)
        add(.birthDate, if: mapping.has("birth_date") || hasID)
        add(.idType, if: hasID)
        add(.idNumber, if: hasID)
        for (column, field) in [(MemberColumn.orcid, "orcid"), (.email, "email"), (.phone, "phone"), (.employer, "employer"),
                                (.education, "education"), (.degree, "degree"), (.discipline, "discipline"),
                                (.province, "province"), (.nationality, "nationality"), (.grade, "grade"),
                                (.grassroots, "grassroots"), (.politicalStatus, "political_status")] {
            add(column, if: mapping.has(field))
        }
        add(.unitID, if: mapping.has("unit_no") || mapping.has("employer"))
        add(.title, if: mapping.has("title"))
        add(.titleLevel, if: mapping.has("title"))
        self.columns = columns
        scratch.reserveCapacity(2048)
    }

    mutating func validate(_ record: CSVRecord, into values: inout MemberValues) -> RowRejection? {
        values.reset(line: record.line)
        if let rejection = mapping.fieldCountRejection(record) { return rejection }
        scratch.removeAll(keepingCapacity: true)
        for (slot, column) in fields {
            ranges[slot] = record.withField(column) { FieldNormalizer.normalize($0, into: &scratch) }
        }
        let ranges = ranges
        let slots = slots
        let asOf = asOf
        return scratch.withUnsafeBytes { s -> RowRejection? in
            func field(_ name: String) -> UnsafeRawBufferPointer? {
                guard let slot = slots[name], let range = ranges[slot], !range.isEmpty else { return nil }
                return UnsafeRawBufferPointer(rebasing: s[range])
            }
            func text(_ name: String) -> String? { field(name).map { String(decoding: $0, as: UTF8.self) } }
            func header(_ name: String) -> String { mapping.headers[mapping.columns[name]!] }
            func reject(_ name: String, _ reason: Text) -> RowRejection {
                RowRejection(column: header(name), reason: reason, memberNo: text("member_no"),
                             idNumber: text("id_number").map { $0.uppercased() }, idType: nil)
            }
            func value(_ name: String) -> String {
                name == "id_number" ? Masking.identityNumber(text(name) ?? "") : (text(name) ?? "")
            }
            func notIn<V>(_ name: String, _ vocabulary: Vocabulary<V>) -> RowRejection {
                reject(name, Text(en: "'\(value(name))' is not one of \(vocabulary.accepted)",
                                  zh: "'\(value(name))' 不在可选值中：\(vocabulary.accepted)"))
            }

            // Keys.
            if let number = field("member_no") { values.set(.memberNo, number) }
            guard field("member_no") != nil || field("id_number") != nil else {
                return RowRejection(column: nil, reason: Text(
                    en: "has neither a member number nor an identity number; one of them is needed to know who it is",
                    zh: "既没有会员编号也没有证件号码；至少需要其一才能识别会员"))
            }
            guard let name = field("name") else {
                return reject("name", Text(en: "the name is empty", zh: "姓名为空"))
            }
            values.set(.name, name)

            // Identity document, and what a resident number says about birth date and gender.
            var idBirth: String?, idGender: String?
            if let number = field("id_number") {
                var type = "resident"
                if let typeBytes = field("id_type") {
                    guard let matched = Vocabularies.idType.match(typeBytes) else { return notIn("id_type", Vocabularies.idType) }
                    type = matched
                }
                values.set(.idType, type)
                if type == "resident" {
                    switch ResidentIdentityNumber.parse(number) {
                    case .failure(let problem):
                        return reject("id_number", Text(en: "the identity number \(value("id_number")) " + problem.text.en,
                                                        zh: "身份证号 \(value("id_number")) " + problem.text.zh))
                    case .success(let id):
                        values.set(.idNumber, id.value)
                        idBirth = id.birthDate
                        idGender = id.gender
                    }
                } else {
                    values.set(.idNumber, number)
                }
            }

            if let bytes = field("gender") {
                guard let gender = Vocabularies.gender.match(bytes) else { return notIn("gender", Vocabularies.gender) }
                if let idGender, idGender != gender {
                    return reject("gender", Text(en: "the gender disagrees with the identity number (17th digit); correct one of them",
                                                 zh: "性别与身份证号第 17 位不符；请更正其一"))
                }
                values.set(.gender, gender)
            } else if let idGender {
                values.set(.gender, idGender)
            }

            if let bytes = field("birth_date") {
                switch DateParser.parse(bytes) {
                case .day(let day)?:
                    if let idBirth, idBirth != day.iso {
                        return reject("birth_date", Text(en: "the birth date \(day.iso) disagrees with the identity number; correct one of them",
                                                         zh: "出生日期 \(day.iso) 与身份证号不符；请更正其一"))
                    }
                    values.set(.birthDate, day.iso)
                case .month(let year, let month)?:
                    let iso = YearMonth(year: year, month: month)!.iso
                    if let idBirth, !idBirth.hasPrefix(iso) {
                        return reject("birth_date", Text(en: "the birth month \(iso) disagrees with the identity number; correct one of them",
                                                         zh: "出生年月 \(iso) 与身份证号不符；请更正其一"))
                    }
                    values.set(.birthDate, idBirth ?? iso)
                case nil:
                    return reject("birth_date", Text(en: "'\(value("birth_date"))' is not a date; " + DateParser.formatsText.en,
                                                     zh: "'\(value("birth_date"))' 不是日期；" + DateParser.formatsText.zh))
                }
            } else if let idBirth {
                values.set(.birthDate, idBirth)
            }

            if let bytes = field("orcid") {
                guard let orcid = ORCID.validate(String(decoding: bytes, as: UTF8.self)) else {
                    return reject("orcid", Text(en: "'\(value("orcid"))' is not a valid ORCID iD (format 0000-0002-1825-0097, check character ISO 7064)",
                                                zh: "'\(value("orcid"))' 不是有效的 ORCID（格式 0000-0002-1825-0097，校验位 ISO 7064）"))
                }
                values.set(.orcid, orcid)
            }
            for (column, name) in [(MemberColumn.email, "email"), (.phone, "phone"), (.employer, "employer"),
                                   (.education, "education"), (.degree, "degree"), (.discipline, "discipline"),
                                   (.province, "province"), (.nationality, "nationality"), (.politicalStatus, "political_status")] {
                if let bytes = field(name) { values.set(column, bytes) }
            }
            if let bytes = field("grade") {
                guard let grade = Vocabularies.grade.match(bytes) else { return notIn("grade", Vocabularies.grade) }
                values.set(.grade, grade)
            }
            if let bytes = field("grassroots") {
                guard let flag = Vocabularies.yesNo.match(bytes) else { return notIn("grassroots", Vocabularies.yesNo) }
                values.set(.grassroots, integer: flag ? 1 : 0)
            }
            if let bytes = field("title") {
                values.set(.title, bytes)
                values.set(.titleLevel, Vocabularies.titleLevel.match(bytes) ?? "other")
            }
            if let unitNo = text("unit_no") {
                guard let unit = units.byNumber[unitNo] else {
                    return reject("unit_no", Text(en: "no unit member numbered '\(unitNo)'; import the unit roster first (registrar import units)",
                                                  zh: "没有编号为 '\(unitNo)' 的单位会员；请先导入单位会员名册（registrar import units）"))
                }
                values.set(.unitID, integer: unit)
            } else if let employer = text("employer"), let unit = units.unit(named: employer) {
                values.set(.unitID, integer: unit)
            }

            // Membership: the current period as the member system sees it.
            var membership = RowMembership()
            for name in ["join_date", "end_date"] {
                guard let bytes = field(name) else { continue }
                let day: Day
                switch DateParser.parse(bytes) {
                case .day(let parsed)?: day = parsed
                case .month(let year, let month)?: day = YearMonth(year: year, month: month)!.firstDay
                case nil:
                    return reject(name, Text(en: "'\(value(name))' is not a date; " + DateParser.formatsText.en,
                                             zh: "'\(value(name))' 不是日期；" + DateParser.formatsText.zh))
                }
                if name == "join_date" { membership.join = day.iso } else { membership.end = day.iso }
            }
            var statusReason: EndReason?
            if let bytes = field("status") {
                guard let status = Vocabularies.status.match(bytes) else { return notIn("status", Vocabularies.status) }
                if case .ended(let reason) = status { statusReason = reason }
            }
            if let reason = statusReason {
                membership.endIsExplicit = membership.end != nil
                membership.end = membership.end ?? asOf
                membership.reason = reason
            } else if membership.end != nil {
                membership.reason = .lapsed
            }
            values.membership = membership
            return nil
        }
    }
}
