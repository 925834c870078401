import RegistrarModel
/// The page every HTML report is written into: one self-contained file with inline CSS, readable in
/// an offline browser, no script and nothing loaded from elsewhere.
public enum HTMLPage {
    package static let style = """
        body { font-family: system-ui, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif; margin: 2em auto; max-width: 60em; padding: 0 1em; color: #222; }
        h1 { font-size: 1.5em; border-bottom: 2px solid #8b1a1a; padding-bottom: 0.3em; } h2 { font-size: 1.15em; margin-top: 1.6em; }
        table { border-collapse: collapse; margin: 0.5em 0; min-width: 24em; }
        th, td { border: 1px solid #ccc; padding: 0.25em 0.7em; text-align: left; }
        th { background: #f2f4f7; }
        .num { text-align: right; font-variant-numeric: tabular-nums; }
        .note { color: #444; }
        figure { margin: 1em 0; } svg { max-width: 100%; height: auto; }
        """

    /// A whole document; `title` is plain text (escaped here), `body` is HTML already escaped.
    public static func document(title: String, language: Language, body: String) -> String {
        let title = HTMLEscape.escape(title)
        return """
            <!DOCTYPE html>
            <html lang="\(language == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(title)</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <h1>\(title)</h1>
            \(body)</body>
            </html>

            """
    }
}
