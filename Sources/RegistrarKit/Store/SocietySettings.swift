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

        /// The values a registration setting takes, and how to say so; nil for the other settings.
        var registrationRange: (range: ClosedRange<Int>, expected: Text)? {
            switch self {
            case .registrationRequiredFrom: (1900...9999, Text(en: "give a year from 1900 to 9999, or none (registration never required)",
                                                               zh: "请输入 1900 至 9999 之间的年份，或 none（不要求注册）"))
            case .registrationGraceMonths: (0...11, Text(en: "give a whole number of months from 0 to 11 (0: no grace)",
                                                         zh: "请输入 0 至 11 之间的整月数（0 表示没有宽限期）"))
            case .registrationLapseYears: (0...10, Text(en: "give a whole number of years from 0 to 10 (0: never treated as withdrawn)",
                                                        zh: "请输入 0 至 10 之间的整年数（0 表示从不视为自动退会）"))
            default: nil
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
        let row = try Row.fetchOne(db, sql: "SELECT * FROM society WHERE id = 1")!
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
        if key.isClearable && (trimmed == "none" || trimmed.isEmpty) {
            value = .null
        } else if key == .name {
            value = trimmed.databaseValue
        } else if let (range, expected) = key.registrationRange {
            guard let number = Int(trimmed), range.contains(number) else {
                throw SettingsError(key: key.rawValue, value: text, expected: expected)
            }
            value = number.databaseValue
        } else if key.isPercent {
            guard let basisPoints = Registry.basisPoints(trimmed) else {
                throw SettingsError(key: key.rawValue, value: text, expected: Text(
                    en: "give a percentage with at most two decimals, such as 15 or 12.5",
                    zh: "请输入最多两位小数的百分数，如 15 或 12.5"))
            }
            value = basisPoints.databaseValue
        } else {
            guard let number = Int(trimmed) else {
                throw SettingsError(key: key.rawValue, value: text, expected: Text(
                    en: "give a whole number" + (key.isClearable ? ", or none" : ""),
                    zh: "请输入整数" + (key.isClearable ? "，或 none" : "")))
            }
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
                throw SettingsError(key: key.rawValue, value: text, expected: Text(
                    en: "it is out of range (the target year must be after the base year; counts and ages must be positive)",
                    zh: "超出范围（目标年份须晚于基准年份；数量与年龄须为正数）"))
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
