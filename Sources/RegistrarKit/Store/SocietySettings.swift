import GRDB

/// 学会设置: the society's settings that the rules read, stored in the registry.
public struct SocietySettings: Sendable, Equatable {
    public var name: String
    public var baseYear: Int
    public var targetYear: Int
    public var goalBasisPoints: Int
    public var relaxationThresholdBasisPoints: Int
    public var relaxedCapSeats: Int?
    public var relaxedCapBasisPoints: Int?
    public var youngAge: Int
    public var absenceThreshold: Int
    public var branchInactiveMonths: Int
    /// R1 annual registration: the first year it is required (nil: never), the grace months, the lapse years.
    public var registration = RegistrationRule()

    /// The settings a person can change, by the name `registrar settings set` takes.
    public enum Key: String, CaseIterable, Sendable {
        case name = "society.name"
        case baseYear = "growth.base_year"
        case targetYear = "growth.target_year"
        case goal = "growth.goal"
        case relaxationThreshold = "relaxation.threshold"
        case relaxedCapSeats = "board.relaxed_cap_seats"
        case relaxedCapPercent = "board.relaxed_cap_percent"
        case youngAge = "board.young_age"
        case absenceThreshold = "board.absence_threshold"
        case branchInactiveMonths = "branches.inactive_months"
        case registrationRequiredFrom = "registration.required_from"
        case registrationGraceMonths = "registration.grace_months"
        case registrationLapseYears = "registration.lapse_years"

        var column: String {
            switch self {
            case .name: "name"
            case .baseYear: "base_year"
            case .targetYear: "target_year"
            case .goal: "goal_basis_points"
            case .relaxationThreshold: "relaxation_threshold_basis_points"
            case .relaxedCapSeats: "relaxed_cap_seats"
            case .relaxedCapPercent: "relaxed_cap_basis_points"
            case .youngAge: "young_age"
            case .absenceThreshold: "absence_threshold"
            case .branchInactiveMonths: "branch_inactive_months"
            case .registrationRequiredFrom: "registration_required_from"
            case .registrationGraceMonths: "registration_grace_months"
            case .registrationLapseYears: "registration_lapse_years"
            }
        }

        var isPercent: Bool { self == .goal || self == .relaxationThreshold || self == .relaxedCapPercent }
        var isClearable: Bool { self == .relaxedCapSeats || self == .relaxedCapPercent || self == .registrationRequiredFrom }

        /// What a value may be, in the unit it is stored in (basis points for percentages): every
        /// command that reads a setting can rely on it, so none meets a year 0 or a 100,000-month span.
        var range: ClosedRange<Int>? {
            switch self {
            case .name: nil
            case .baseYear, .targetYear: 1949...2999                  // as the schema's CHECK has it
            case .goal, .relaxationThreshold: 0...100_000            // 0% to 1,000%
            case .relaxedCapPercent: 1...10_000                      // 0.01% to 100% more seats
            case .relaxedCapSeats: 1...10_000
            case .youngAge: 18...100
            case .absenceThreshold: 1...100
            case .branchInactiveMonths: 1...1_200
            case .registrationRequiredFrom: Day.acceptedYears
            case .registrationGraceMonths: 0...11
            case .registrationLapseYears: 0...10
            }
        }

        /// The accepted values, as a person reads them.
        var expected: Text {
            switch self {
            case .name: Text(en: "give a name of at most 200 characters, without control characters",
                             zh: "请输入不超过 200 个字符、不含控制字符的名称")
            case .baseYear, .targetYear: Text(en: "give a year from 1949 to 2999", zh: "请输入 1949 至 2999 之间的年份")
            case .goal, .relaxationThreshold: Text(en: "give a percentage from 0 to 1000 with at most two decimals, such as 15 or 12.5",
                                                   zh: "请输入 0 至 1000 之间、最多两位小数的百分数，如 15 或 12.5")
            case .relaxedCapPercent: Text(en: "give a percentage above 0 and at most 100, with at most two decimals, or none",
                                          zh: "请输入大于 0、不超过 100、最多两位小数的百分数，或 none")
            case .relaxedCapSeats: Text(en: "give a number of seats from 1 to 10000, or none", zh: "请输入 1 至 10000 之间的席位数，或 none")
            case .youngAge: Text(en: "give an age in years from 18 to 100", zh: "请输入 18 至 100 之间的年龄")
            case .absenceThreshold: Text(en: "give a number of absences from 1 to 100", zh: "请输入 1 至 100 之间的缺席次数")
            case .branchInactiveMonths: Text(en: "give a number of months from 1 to 1200", zh: "请输入 1 至 1200 之间的月数")
            case .registrationRequiredFrom: Text(en: "give a year from 1900 to 9999, or none (registration never required)",
                                                 zh: "请输入 1900 至 9999 之间的年份，或 none（不要求注册）")
            case .registrationGraceMonths: Text(en: "give a whole number of months from 0 to 11 (0: no grace)",
                                                zh: "请输入 0 至 11 之间的整月数（0 表示没有宽限期）")
            case .registrationLapseYears: Text(en: "give a whole number of years from 0 to 10 (0: never treated as withdrawn)",
                                               zh: "请输入 0 至 10 之间的整年数（0 表示从不视为自动退会）")
            }
        }
    }
}

/// A setting value that cannot be stored, with what to type instead.
public struct SettingsError: UserFacingError, Equatable {
    public var key: String
    public var value: String
    public var expected: Text

    public func message(_ language: Language) -> String {
        Text(en: "setting \(key): '\(value)' is not valid; \(expected.en)",
             zh: "设置 \(key)：'\(value)' 无效；\(expected.zh)")(language)
    }
}

extension Registry {
    public func settings() throws -> SocietySettings {
        try read { db in try Registry.settings(db) }
    }

    static func settings(_ db: Database) throws -> SocietySettings {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM society WHERE id = 1") else {
            throw RegistryError.badStoredValue(table: "society", column: "id")
        }
        return SocietySettings(
            name: row["name"], baseYear: row["base_year"], targetYear: row["target_year"],
            goalBasisPoints: row["goal_basis_points"],
            relaxationThresholdBasisPoints: row["relaxation_threshold_basis_points"],
            relaxedCapSeats: row["relaxed_cap_seats"], relaxedCapBasisPoints: row["relaxed_cap_basis_points"],
            youngAge: row["young_age"], absenceThreshold: row["absence_threshold"],
            branchInactiveMonths: row["branch_inactive_months"],
            registration: RegistrationRule(requiredFrom: row["registration_required_from"],
                                           graceMonths: row["registration_grace_months"],
                                           lapseYears: row["registration_lapse_years"]))
    }

    /// Changes one setting (`none` clears an optional one), recorded in the audit log.
    public func setSetting(_ key: SocietySettings.Key, to text: String) throws -> SocietySettings {
        let value: DatabaseValue
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        func refuse() -> SettingsError { SettingsError(key: key.rawValue, value: Sanitized.message(text), expected: key.expected) }
        if key.isClearable && (trimmed == "none" || trimmed.isEmpty) {
            value = .null
        } else if key == .name {
            guard (1...200).contains(trimmed.count), Sanitized.escapingControls(trimmed) == trimmed else { throw refuse() }
            value = trimmed.databaseValue
        } else {
            let number = key.isPercent ? Registry.basisPoints(trimmed) : Int(trimmed)
            guard let number, key.range?.contains(number) ?? true else { throw refuse() }
            value = number.databaseValue
        }
        return try write { db in
            if value != .null, key == .relaxedCapSeats {
                try db.execute(sql: "UPDATE society SET relaxed_cap_basis_points = NULL WHERE id = 1")
            }
            if value != .null, key == .relaxedCapPercent {
                try db.execute(sql: "UPDATE society SET relaxed_cap_seats = NULL WHERE id = 1")
            }
            do {
                try db.execute(sql: "UPDATE society SET \(key.column) = ? WHERE id = 1", arguments: [value])
            } catch let error as DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
                // The ranges above are the schema's; what is left is the rule that spans two settings.
                let crossYears = (error.message ?? "").contains("target_year > base_year")
                throw SettingsError(key: key.rawValue, value: Sanitized.message(text), expected: crossYears ? Text(
                    en: "the target year (growth.target_year) must be after the base year (growth.base_year)",
                    zh: "目标年份（growth.target_year）须晚于基准年份（growth.base_year）") : key.expected)
            }
            try Registry.appendAudit(db, .settingsChange, subject: key.rawValue, detail: trimmed)
            return try Registry.settings(db)
        }
    }

    /// A non-negative percentage with at most two decimals, in basis points ("12.5" → 1250).
    static func basisPoints(_ text: String) -> Int? {
        guard let percent = Percent(text), percent.basisPoints >= 0 else { return nil }
        return percent.basisPoints
    }
}
