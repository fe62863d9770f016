/// The language of every fixed word a map or report prints (`style { language pl }`,
/// `--lang`): labels, legends, headings, and how numbers and dates are written. The journey's
/// own text (titles, pains, comments) is printed as written. docs/languages.md lists the
/// vocabulary and the number conventions.
public enum Language: String, CaseIterable, Sendable, Codable, Hashable {
    /// English: the default, and the language of JSON keys and of diagnostics.
    case en
    /// Polish.
    case pl
    /// Russian.
    case ru
    /// Ukrainian.
    case uk

    /// The language for a code (`pl`, `PL`, `pl-PL`, `uk_UA`); nil for one we have no table for.
    public init?(code: String) {
        let base = code.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        self.init(rawValue: base)
    }

    /// The codes accepted, for messages and completion: `en, pl, ru, uk`.
    public static var codes: [String] { allCases.map(\.rawValue) }

    /// The BCP 47 tag written into HTML `lang` and PDF `/Lang`.
    public var tag: String { rawValue }

    /// The language's own name for itself (`polski`), for menus and documentation.
    public var nativeName: String {
        switch self {
        case .en: "English"
        case .pl: "polski"
        case .ru: "русский"
        case .uk: "українська"
        }
    }

    /// The language a render uses: the command line's choice, else the journey's style, else English.
    public static func resolve(_ override: Language?, style: Style) -> Language {
        override ?? style.language ?? .en
    }

    /// The fixed phrase in this language.
    public subscript(_ phrase: Phrase) -> String {
        switch self {
        case .en: Strings.en(phrase)
        case .pl: Strings.pl(phrase)
        case .ru: Strings.ru(phrase)
        case .uk: Strings.uk(phrase)
        }
    }

    /// The phrase with its placeholders `{1}`, `{2}` … filled in order.
    public func callAsFunction(_ phrase: Phrase, _ arguments: String...) -> String {
        Strings.fill(self[phrase], arguments)
    }

    /// The plural forms of a counted noun in this language.
    public func forms(_ noun: Counted) -> PluralForms {
        switch self {
        case .en: Strings.en(noun)
        case .pl: Strings.pl(noun)
        case .ru: Strings.ru(noun)
        case .uk: Strings.uk(noun)
        }
    }

    /// "3 pains", "3 bolączki", "5 болевых точек": the number (grouped) and the noun in the
    /// form the number asks for.
    public func count(_ n: Int, _ noun: Counted) -> String {
        integer(n) + " " + form(of: noun, for: n)
    }

    /// The noun alone in the form `n` asks for ("pains" for 3).
    public func form(of noun: Counted, for n: Int) -> String {
        forms(noun).form(pluralCategory(n))
    }
}

/// The fixed-phrase tables, one file per language (`Strings+pl.swift` …). Each is an
/// exhaustive `switch` over `Phrase` and `Counted`, so a phrase missing in one language does
/// not compile; `LocalizationTests` checks that placeholders match English.
enum Strings {
    /// Replaces `{1}`, `{2}` … with the arguments in one pass (an argument's own text, which
    /// may be a journey title holding "{1}", is never read again); a placeholder without an
    /// argument stays as written.
    static func fill(_ template: String, _ arguments: [String]) -> String {
        guard !arguments.isEmpty, template.utf8.contains(0x7B) else { return template }
        // Over bytes: `{`, `}` and digits are ASCII, so no placeholder can start or end inside
        // a multi-byte character. Every label of every map calls this (issue 17).
        let t = Array(template.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(t.count + arguments.reduce(0) { $0 + $1.utf8.count })
        var i = 0
        while i < t.count {
            if t[i] == 0x7B {
                var j = i + 1
                var n = 0
                while j < t.count, t[j] >= 0x30, t[j] <= 0x39, n <= arguments.count {
                    n = n * 10 + Int(t[j] - 0x30)
                    j += 1
                }
                if j > i + 1, j < t.count, t[j] == 0x7D, n >= 1, n <= arguments.count {
                    out += arguments[n - 1].utf8
                    i = j + 1
                    continue
                }
            }
            out.append(t[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

extension Language {
    /// An emotion's name on the −2…+2 scale ("frustrated", "frustracja"); the journey's keyword
    /// (`emotion frustrated`) stays English, what the map prints follows the language.
    public func emotionName(_ value: Int) -> String {
        switch value {
        case ...(-2): self[.emotionAngry]
        case -1: self[.emotionFrustrated]
        case 0: self[.emotionNeutral]
        case 1: self[.emotionHappy]
        default: self[.emotionDelighted]
        }
    }
}
