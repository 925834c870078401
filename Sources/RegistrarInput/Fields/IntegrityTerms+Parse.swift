import RegistrarModel

/// Integrity terms as a roster spells them, normalised first.
extension Allegation { public static func parse(_ text: String) -> Allegation? { vocabulary.match(FieldNormalizer.normalize(text)) } }
extension CaseStatus { public static func parse(_ text: String) -> CaseStatus? { vocabulary.match(FieldNormalizer.normalize(text)) } }
extension Finding { public static func parse(_ text: String) -> Finding? { vocabulary.match(FieldNormalizer.normalize(text)) } }
extension Sanction { public static func parse(_ text: String) -> Sanction? { vocabulary.match(FieldNormalizer.normalize(text)) } }
