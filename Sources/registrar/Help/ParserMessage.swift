import RegistrarModel
/// swift-argument-parser's messages about the command line itself, in the person's language.
///
/// The parser writes them in English only. Under `--lang zh` the problem line and the labels are
/// given in Chinese: `Error: Missing expected argument '<file>'` becomes `错误：缺少参数 '<file>'`.
/// A message of a shape not listed keeps its English text under the Chinese label; the help lines
/// quoted from each option's own description stay as written.
public enum ParserMessage {
    public static func localized(_ message: String, _ language: Language) -> String {
        guard language == .zh else { return message }
        return message.split(separator: "\n", omittingEmptySubsequences: false)
            .map { chineseLine(String($0)) }
            .joined(separator: "\n")
    }

    private static func chineseLine(_ line: String) -> String {
        if let problem = line.dropPrefix("Error: ") { return "错误：" + chineseProblem(problem) }
        if let help = line.dropPrefix("Help:  ") { return "说明：  " + help }
        if let usage = line.dropPrefix("Usage: ") { return "用法：" + usage }
        return seeLine(line) ?? line
    }

    /// The parser's pointer to a help page, after an error ("See 'registrar count --help' for more
    /// information.") or on a page ("See 'registrar help <subcommand>' for detailed help."), in
    /// Chinese and pointing to the Chinese page.
    package static func seeLine(_ line: String) -> String? {
        guard let see = line.range(of: "See '") else { return nil }
        for ending in ["' for more information.", "' for detailed help."] where line.hasSuffix(ending) {
            let command = line[see.upperBound..<line.index(line.endIndex, offsetBy: -ending.count)]
            return line[..<see.lowerBound] + "详见 '" + command.replacingOccurrences(of: "<subcommand>", with: "<子命令>") + " --lang zh'。"
        }
        return nil
    }

    private static func chineseProblem(_ problem: String) -> String {
        let quoted = problem.split(separator: "'", omittingEmptySubsequences: false).enumerated()
            .filter { $0.offset % 2 == 1 }.map { "'" + $0.element + "'" }
        func first(_ prefix: String) -> Bool { problem.hasPrefix(prefix) && !quoted.isEmpty }
        if first("Missing expected argument") { return "缺少参数 " + quoted[0] }
        if first("Unknown option") { return "没有这个选项 " + quoted[0] }
        if first("Unexpected argument") { return "多余的参数 " + quoted.joined(separator: "、") }
        if first("Missing value for") { return quoted[0] + " 缺少值" }
        if problem.hasPrefix("The value "), quoted.count >= 2 {
            // A reason the option gave itself (already in the person's language) follows a colon.
            if let flag = problem.range(of: "' is invalid for '"), let colon = problem.range(of: "': ", range: flag.upperBound..<problem.endIndex) {
                return "值 \(quoted[0]) 不适用于 '\(problem[flag.upperBound..<colon.lowerBound])'：" + problem[colon.upperBound...]
            }
            let choices = problem.range(of: "Please provide one of ")
                .map { "；可选值：" + problem[$0.upperBound...].trimmingCharacters(in: ["."]).replacingOccurrences(of: " or ", with: "、").replacingOccurrences(of: " and ", with: "、") }
            return "值 \(quoted[0]) 不适用于 \(quoted[1])" + (choices?.replacingOccurrences(of: ", ", with: "、") ?? "")
        }
        return problem
    }
}

private extension String {
    func dropPrefix(_ prefix: String) -> String? {
        hasPrefix(prefix) ? String(dropFirst(prefix.count)) : nil
    }
}
