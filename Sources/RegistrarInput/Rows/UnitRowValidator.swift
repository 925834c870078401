import RegistrarModel

/// The unit-member roster's fields (单位会员): the one place each is declared, with the headers that
/// name it (DESIGN.md "Other input files"). The stored ones are columns of `unit_member` of the
/// same name.
package enum UnitField: Int, CaseIterable, Sendable {
    case unitNo, name, uscc, kind, province, staffCount, joinDate, endDate, status

    package var name: String {
        switch self {
        case .unitNo: "unit_no"
        case .name: "name"
        case .uscc: "uscc"
        case .kind: "kind"
        case .province: "province"
        case .staffCount: "staff_count"
        case .joinDate: "join_date"
        case .endDate: "end_date"
        case .status: "status"
        }
    }

    package var headers: [String] {
        switch self {
        case .unitNo: ["unit_no", "单位会员编号", "会员编号"]
        case .name: ["name", "单位名称"]
        case .uscc: ["uscc", "统一社会信用代码", "信用代码"]
        case .kind: ["kind", "单位性质", "单位类型"]
        case .province: ["province", "省份", "地区"]
        case .staffCount: ["staff_count", "职工总数", "职工人数"]
        case .joinDate: ["join_date", "入会日期", "入会时间"]
        case .endDate: ["end_date", "退会日期"]
        case .status: ["status", "会员状态"]
        }
    }

    /// Whether the field is a column of `unit_member`; the period fields go to the unit's periods.
    package var isStored: Bool {
        switch self {
        case .joinDate, .endDate, .status: false
        default: true
        }
    }
}

/// One validated row of the unit roster.
package struct UnitRow {
    /// A stored value of the row, for the columns the file has.
    package enum Value: Equatable {
        case null
        case text(String)
        case integer(Int)
    }

    package var unitNo: String?
    package var uscc: String?
    /// The stored columns the file provides and the row's value of each, in `UnitField` order.
    package var values: [(field: UnitField, value: Value)]
    package var membership: RowMembership
}

/// Turns one record of the unit roster into a validated row: every rule a person can fix in the
/// file, with the column and a reason; the store only matches and writes.
package struct UnitRowValidator {
    package let mapping: HeaderMapping
    package let asOf: Day
    /// The stored columns the file provides: the merge leaves the others as they are.
    package let fields: [UnitField]

    package init(mapping: HeaderMapping, asOf: Day) {
        self.mapping = mapping
        self.asOf = asOf
        fields = UnitField.allCases.filter { $0.isStored && ($0 == .name || mapping.has($0.name)) }
    }

    package func validate(_ record: CSVRecord) -> Result<UnitRow, RowRejection> {
        if let rejection = mapping.fieldCountRejection(record) { return .failure(rejection) }
        let cells = RecordFields(mapping: mapping, record: record)
        func text(_ field: UnitField) -> String? { cells.text(field.name) }
        func reject(_ field: UnitField, _ en: String, _ zh: String) -> Result<UnitRow, RowRejection> {
            .failure(cells.rejection(field.name, Text(en: en, zh: zh)))
        }
        let unitNo = text(.unitNo)
        var uscc = text(.uscc)
        guard unitNo != nil || uscc != nil else {
            return .failure(RowRejection(column: nil, reason: Text(
                en: "has neither a unit number nor a credit code; one of them is needed to know which unit it is",
                zh: "既没有单位会员编号也没有统一社会信用代码；至少需要其一")))
        }
        guard let name = text(.name) else { return reject(.name, "the unit name is empty", "单位名称为空") }
        if let code = uscc {
            guard let valid = CreditCode.validate(code) else {
                return reject(.uscc, "'\(code)' is not a valid unified social credit code (GB 32100: 18 characters, check character); check it for a typo",
                              "'\(code)' 不是有效的统一社会信用代码（GB 32100：18 位含校验位）；请检查是否录入有误")
            }
            uscc = valid
        }
        let membership: RowMembership
        let kind: String?
        do {
            var status = try cells.term(UnitField.status.name, Vocabularies.status)
            // A unit does not die: a 去世 status on a unit row is read as leaving.
            if case .ended(.deceased)? = status { status = .ended(.resigned) }
            kind = try cells.term(UnitField.kind.name, Vocabularies.unitKind)
            membership = RowMembership(join: try cells.day(UnitField.joinDate.name, monthMeansFirstDay: true),
                                       end: try cells.day(UnitField.endDate.name, monthMeansFirstDay: true),
                                       status: status, asOf: asOf)
        } catch {
            return .failure(error)
        }
        var staffCount: Int?
        if let staff = text(.staffCount) {
            guard let count = Int(staff.replacingOccurrences(of: ",", with: "")), count >= 0 else {
                return reject(.staffCount, "'\(staff)' is not a whole number of staff", "'\(staff)' 不是职工人数（整数）")
            }
            staffCount = count
        }
        let values = fields.map { field -> (field: UnitField, value: UnitRow.Value) in
            let value: UnitRow.Value
            switch field {
            case .unitNo: value = unitNo.map(UnitRow.Value.text) ?? .null
            case .name: value = .text(name)
            case .uscc: value = uscc.map(UnitRow.Value.text) ?? .null
            case .kind: value = kind.map(UnitRow.Value.text) ?? .null
            case .province: value = text(.province).map(UnitRow.Value.text) ?? .null
            case .staffCount: value = staffCount.map(UnitRow.Value.integer) ?? .null
            case .joinDate, .endDate, .status: value = .null
            }
            return (field, value)
        }
        return .success(UnitRow(unitNo: unitNo, uscc: uscc, values: values, membership: membership))
    }
}
