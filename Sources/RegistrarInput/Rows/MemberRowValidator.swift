import RegistrarModel
/// Turns one record of an individual roster into normalised, validated member values.
///
/// Every rule a person can fix in the file is checked here, with the column and a reason that says
/// what to do; rows that pass reach the merge as bytes ready to bind.
package struct MemberRowValidator {
    package let mapping: HeaderMapping
    package let units: UnitDirectory
    package let asOf: Day
    /// The member columns this file provides; the merge leaves the others as they are.
    package let columns: [MemberColumn]
    private var scratch: [UInt8] = []
    /// Where each mapped field's normalised bytes are in `scratch`, by the field's slot.
    private var ranges: [Range<Int>?]
    private let fields: [(slot: Int, column: Int)]

    package init(mapping: HeaderMapping, units: UnitDirectory, asOf: Day) {
        self.mapping = mapping
        self.units = units
        self.asOf = asOf
        let mapped = MemberField.allCases.compactMap { field in mapping.column(field.name).map { (field, $0) } }
        fields = mapped.map { ($0.0.rawValue, $0.1) }
        ranges = Array(repeating: nil, count: MemberField.allCases.count)
        columns = MemberField.columns(setBy: mapped.map(\.0))
        scratch.reserveCapacity(2048)
    }

    package mutating func validate(_ record: CSVRecord, into values: inout MemberValues) -> RowRejection? {
        values.reset(line: record.line)
        if let rejection = mapping.fieldCountRejection(record) { return rejection }
        scratch.removeAll(keepingCapacity: true)
        for (slot, column) in fields {
            ranges[slot] = record.withField(column) { FieldNormalizer.normalize($0, into: &scratch) }
        }
        let ranges = ranges
        let asOf = asOf
        return scratch.withUnsafeBytes { s -> RowRejection? in
            func field(_ name: MemberField) -> UnsafeRawBufferPointer? {
                guard let range = ranges[name.rawValue], !range.isEmpty else { return nil }
                return UnsafeRawBufferPointer(rebasing: s[range])
            }
            func text(_ name: MemberField) -> String? { field(name).map { String(decoding: $0, as: UTF8.self) } }
            func header(_ name: MemberField) -> String { mapping.columns[name.name].map { mapping.headers[$0] } ?? name.name }
            func reject(_ name: MemberField, _ reason: Text) -> RowRejection {
                RowRejection(column: header(name), reason: reason, memberNo: text(.memberNo),
                             idNumber: text(.idNumber).map { $0.uppercased() }, idType: nil)
            }
            func value(_ name: MemberField) -> String {
                name == .idNumber ? Masking.identityNumber(text(name) ?? "") : (text(name) ?? "")
            }
            func notIn<V>(_ name: MemberField, _ vocabulary: Vocabulary<V>) -> RowRejection {
                reject(name, Text(en: "'\(value(name))' is not one of \(vocabulary.accepted)",
                                  zh: "'\(value(name))' 不在可选值中：\(vocabulary.accepted)"))
            }

            // Keys.
            if let number = field(.memberNo) { values.set(.memberNo, number) }
            guard field(.memberNo) != nil || field(.idNumber) != nil else {
                return RowRejection(column: nil, reason: Text(
                    en: "has neither a member number nor an identity number; one of them is needed to know who it is",
                    zh: "既没有会员编号也没有证件号码；至少需要其一才能识别会员"))
            }
            guard let name = field(.name) else {
                return reject(.name, Text(en: "the name is empty", zh: "姓名为空"))
            }
            values.set(.name, name)

            // Identity document, and what a resident number says about birth date and gender.
            var idBirth: String?, idGender: String?
            if let number = field(.idNumber) {
                var type = "resident"
                if let typeBytes = field(.idType) {
                    guard let matched = Vocabularies.idType.match(typeBytes) else { return notIn(.idType, Vocabularies.idType) }
                    type = matched
                }
                values.set(.idType, type)
                if type == "resident" {
                    switch ResidentIdentityNumber.parse(number) {
                    case .failure(let problem) where problem.problem == .excelNumber:
                        // Not even masked: what Excel left is the number's first digits.
                        return reject(.idNumber, Text(en: "the identity number " + problem.text.en, zh: "身份证号" + problem.text.zh))
                    case .failure(let problem):
                        return reject(.idNumber, Text(en: "the identity number \(value(.idNumber)) " + problem.text.en,
                                                        zh: "身份证号 \(value(.idNumber)) " + problem.text.zh))
                    case .success(let id):
                        values.set(.idNumber, id.value)
                        idBirth = id.birthDate
                        idGender = id.gender
                    }
                } else {
                    values.set(.idNumber, number)
                }
            }

            if let bytes = field(.gender) {
                guard let gender = Vocabularies.gender.match(bytes) else { return notIn(.gender, Vocabularies.gender) }
                if let idGender, idGender != gender {
                    return reject(.gender, Text(en: "the gender disagrees with the identity number (17th digit); correct one of them",
                                                 zh: "性别与身份证号第 17 位不符；请更正其一"))
                }
                values.set(.gender, gender)
            } else if let idGender {
                values.set(.gender, idGender)
            }

            if let bytes = field(.birthDate) {
                switch DateParser.parse(bytes) {
                case .day(let day)?:
                    if let idBirth, idBirth != day.iso {
                        return reject(.birthDate, Text(en: "the birth date \(day.iso) disagrees with the identity number; correct one of them",
                                                         zh: "出生日期 \(day.iso) 与身份证号不符；请更正其一"))
                    }
                    values.set(.birthDate, day.iso)
                case .month(let year, let month)?:
                    let iso = YearMonth(derivedYear: year, month: month).iso
                    if let idBirth, !idBirth.hasPrefix(iso) {
                        return reject(.birthDate, Text(en: "the birth month \(iso) disagrees with the identity number; correct one of them",
                                                         zh: "出生年月 \(iso) 与身份证号不符；请更正其一"))
                    }
                    values.set(.birthDate, idBirth ?? iso)
                case nil:
                    return reject(.birthDate, Text(en: "'\(value(.birthDate))' is not a date; " + DateParser.formatsText.en,
                                                     zh: "'\(value(.birthDate))' 不是日期；" + DateParser.formatsText.zh))
                }
            } else if let idBirth {
                values.set(.birthDate, idBirth)
            }

            if let bytes = field(.orcid) {
                guard let orcid = ORCID.validate(String(decoding: bytes, as: UTF8.self)) else {
                    return reject(.orcid, Text(en: "'\(value(.orcid))' is not a valid ORCID iD (format 0000-0002-1825-0097, check character ISO 7064)",
                                                zh: "'\(value(.orcid))' 不是有效的 ORCID（格式 0000-0002-1825-0097，校验位 ISO 7064）"))
                }
                values.set(.orcid, orcid)
            }
            for (name, column) in MemberField.storedAsWritten {
                if let bytes = field(name) { values.set(column, bytes) }
            }
            if let bytes = field(.grade) {
                guard let grade = Vocabularies.grade.match(bytes) else { return notIn(.grade, Vocabularies.grade) }
                values.set(.grade, grade)
            }
            if let bytes = field(.grassroots) {
                guard let flag = Vocabularies.yesNo.match(bytes) else { return notIn(.grassroots, Vocabularies.yesNo) }
                values.set(.grassroots, integer: flag ? 1 : 0)
            }
            if let bytes = field(.title) {
                values.set(.title, bytes)
                values.set(.titleLevel, Vocabularies.titleLevel.match(bytes) ?? "other")
            }
            if let unitNo = text(.unitNo) {
                guard let unit = units.byNumber[unitNo] else {
                    var rejection = reject(.unitNo, Text(en: "no unit member numbered '\(unitNo)'; import the unit roster first (registrar import units)",
                                                         zh: "没有编号为 '\(unitNo)' 的单位会员；请先导入单位会员名册（registrar import units）"))
                    rejection.namesUnknownUnit = true
                    return rejection
                }
                values.set(.unitID, integer: unit)
            } else if !units.byName.isEmpty, let employer = text(.employer), let unit = units.unit(named: employer) {
                values.set(.unitID, integer: unit)
            }

            // Membership: the current period as the member system sees it.
            var join: Day?, end: Day?
            for name in [MemberField.joinDate, .endDate] {
                guard let bytes = field(name) else { continue }
                let day: Day
                switch DateParser.parse(bytes) {
                case .day(let parsed)?: day = parsed
                case .month(let year, let month)?: day = YearMonth(derivedYear: year, month: month).firstDay
                case nil:
                    return reject(name, Text(en: "'\(value(name))' is not a date; " + DateParser.formatsText.en,
                                             zh: "'\(value(name))' 不是日期；" + DateParser.formatsText.zh))
                }
                if name == .joinDate { join = day } else { end = day }
            }
            var status: MembershipStatus?
            if let bytes = field(.status) {
                guard let matched = Vocabularies.status.match(bytes) else { return notIn(.status, Vocabularies.status) }
                status = matched
            }
            let membership = RowMembership(join: join, end: end, status: status, asOf: asOf)
            values.membership = membership
            return nil
        }
    }
}
