/// 职务: the offices a board seat can carry besides director and standing director.
public enum BoardOffice: String, Sendable, CaseIterable {
    /// 理事长
    case chair
    /// 副理事长
    case viceChair = "vice_chair"
    /// 秘书长
    case secretaryGeneral = "secretary_general"

    public var label: Text {
        switch self {
        case .chair: Text(en: "chair", zh: "理事长")
        case .viceChair: Text(en: "vice-chair", zh: "副理事长")
        case .secretaryGeneral: Text(en: "secretary-general", zh: "秘书长")
        }
    }

    package static let vocabulary = Vocabulary(allCases.map { ($0.rawValue, $0) } + [
        ("理事长", .chair), ("副理事长", .viceChair), ("秘书长", .secretaryGeneral),
        ("vice-chair", .viceChair), ("secretary-general", .secretaryGeneral),
    ], accepted: "理事长, 副理事长, 秘书长 or empty (chair, vice_chair, secretary_general)")
}

/// 会议类型: a meeting of the whole board (理事会) or of the standing board (常务理事会).
public enum MeetingKind: String, Sendable, CaseIterable {
    case board
    case standingBoard = "standing_board"

    package static let vocabulary = Vocabulary([
        ("理事会", MeetingKind.board), ("理事会会议", .board), ("board", .board),
        ("常务理事会", .standingBoard), ("常务理事会会议", .standingBoard), ("standing_board", .standingBoard),
        ("standing board", .standingBoard),
    ], accepted: "理事会, 常务理事会 (board, standing_board)")
}

/// 出席情况: present, excused (请假) or absent without cause (缺席), which counts toward replacement.
public enum Attendance: String, Sendable, CaseIterable {
    case present, excused, unexcused

    package static let vocabulary = Vocabulary([
        ("出席", Attendance.present), ("present", .present),
        ("请假", .excused), ("excused", .excused),
        ("缺席", .unexcused), ("无故缺席", .unexcused), ("unexcused", .unexcused), ("absent", .unexcused),
    ], accepted: "出席, 请假, 缺席 (present, excused, unexcused)")
}
