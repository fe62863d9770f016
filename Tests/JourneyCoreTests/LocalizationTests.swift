import Foundation
import JourneyCore
import Testing

/// The language tables (Sources/JourneyCore/Text/Localization): every phrase in every language
/// with English's placeholders, no English left in a translation by accident, the right alphabet,
/// CLDR plural forms and number conventions, and `style { language … }` in the journey.
@Suite struct LocalizationTests {
    static func placeholders(_ s: String) -> [String] {
        var out: [String] = []
        var rest = s[...]
        while let open = rest.firstIndex(of: "{"), let close = rest[open...].firstIndex(of: "}") {
            out.append(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return out.sorted()
    }

    @Test func everyPhraseExistsInEveryLanguageWithEnglishPlaceholders() {
        for phrase in Phrase.allCases {
            let english = Language.en[phrase]
            for lang in Language.allCases {
                let text = lang[phrase]
                #expect(!text.trimmingCharacters(in: .whitespaces).isEmpty, "\(lang).\(phrase) is empty")
                // The same placeholders; a language may use one more or fewer times than English.
                #expect(
                    Set(Self.placeholders(text)) == Set(Self.placeholders(english)), "\(lang).\(phrase): placeholders differ from English")
            }
        }
        for noun in Counted.allCases {
            for lang in Language.allCases {
                let f = lang.forms(noun)
                #expect(![f.one, f.few, f.many].contains(""), "\(lang).\(noun) has an empty form")
            }
        }
    }

    /// A translation equal to the English text is usually a phrase someone forgot: only these
    /// are the same on purpose (words the languages share).
    static let sameAsEnglish: Set<String> = [
        "pl.persona", "pl.segment", "pl.colStatus", "pl.heatmapSegmentColumn", "pl.colSegment", "pl.colSegmentN",
        "pl.explainCSAT", "ru.explainCSAT", "uk.explainCSAT", "pl.explainGap", "ru.explainGap", "uk.explainGap",
        "pl.figureNPS", "ru.figureNPS", "uk.figureNPS", "pl.colNPS95", "uk.colNPS95",
        "pl.trendChartPoint", "ru.trendChartPoint", "uk.trendChartPoint",
    ]

    @Test func translationsAreNotEnglishLeftInPlace() {
        for phrase in Phrase.allCases where Language.en[phrase].contains(where: \.isLetter) {
            for lang in Language.allCases where lang != .en {
                #expect(
                    lang[phrase] != Language.en[phrase] || Self.sameAsEnglish.contains("\(lang).\(phrase)"),
                    "\(lang).\(phrase) is still English: \(lang[phrase])")
            }
        }
    }

    /// Latin words allowed in Russian and Ukrainian text: metric names, file names and the
    /// journey language's own keywords quoted in instructions.
    static let latinAllowed: Set<String> = [
        "NPS", "CSAT", "CES", "R", "n", "docs", "feedback", "md", "pain", "points", "json", "outcome", "satisfied", "yes", "format",
        "wide", "respondent", "Johnson", "journeymap", "column", "segment", "segments", "p",
    ]

    @Test func cyrillicTablesUseTheirOwnAlphabet() {
        let russianOnly = Set("ыэъёЫЭЪЁ")
        let ukrainianOnly = Set("іїєґІЇЄҐ")
        for phrase in Phrase.allCases {
            for lang in [Language.ru, .uk] {
                let text = lang[phrase]
                let latinWords = text.split(whereSeparator: { !($0.isASCII && $0.isLetter) }).map(String.init)
                for w in latinWords { #expect(Self.latinAllowed.contains(w), "\(lang).\(phrase) has the Latin word '\(w)'") }
                let foreign = lang == .ru ? ukrainianOnly : russianOnly
                #expect(!text.contains(where: foreign.contains), "\(lang).\(phrase) has letters of the other language: \(text)")
            }
        }
    }

    @Test func pluralFormsFollowCLDR() {
        #expect(Language.en.count(1, .pain) == "1 pain")
        #expect(Language.en.count(2, .pain) == "2 pains")
        #expect(Language.pl.count(1, .pain) == "1 bolączka")
        #expect(Language.pl.count(3, .pain) == "3 bolączki")
        #expect(Language.pl.count(5, .pain) == "5 bolączek")
        #expect(Language.pl.count(12, .pain) == "12 bolączek")
        #expect(Language.pl.count(22, .pain) == "22 bolączki")
        #expect(Language.pl.count(21, .pain) == "21 bolączek")
        #expect(Language.ru.count(21, .response) == "21 ответ")
        #expect(Language.ru.count(11, .response) == "11 ответов")
        #expect(Language.ru.count(3, .response) == "3 ответа")
        #expect(Language.uk.count(1, .response) == "1 відповідь")
        #expect(Language.uk.count(4, .response) == "4 відповіді")
        #expect(Language.uk.count(14, .response) == "14 відповідей")
    }

    @Test func numbersUseEachLanguagesSeparators() {
        let nbsp = "\u{A0}"
        #expect(Language.en.fixed(1234.56, 1) == "1,234.6")
        #expect(Language.pl.fixed(1234.56, 1) == "1234,6")
        #expect(Language.pl.integer(20000) == "20\(nbsp)000")
        #expect(Language.ru.integer(2000) == "2\(nbsp)000")
        #expect(Language.uk.fixed(-0.75, 1) == "−0,8")
        #expect(Language.pl.signed(-0.04, 1) == "0,0")
        #expect(Language.pl.signed(0.8, 1) == "+0,8")
        #expect(Language.en.signed(-29) == "−29")
        #expect(Language.pl.range(Language.pl.signed(-29), Language.pl.signed(-7)) == "−29…−7")
        #expect(Language.en.number(12.0) == "12")
        #expect(Language.pl.number(12.25) == "12,3")
        #expect(Language.ru.percent(14.4) == "14\(nbsp)%")
        #expect(Language.uk.percent(14.4) == "14%")
        #expect(Language.en.date("2024-03-01") == "2024-03-01")
        #expect(Language.pl.date("2024-03-01") == "01.03.2024")
        #expect(Language.uk.date("not a date") == "not a date")
    }

    @Test func placeholdersAreFilledOnceSoTitlesCannotInjectOthers() {
        #expect(Language.en(.dateRange, "{2}", "b") == "{2} to b")
        #expect(Language.pl(.dateRange, "a", "{1}") == "od a do {1}")
        #expect(Language.en(.persona) == "Persona: {1}")
    }

    @Test func codesAreReadLeniently() {
        #expect(Language(code: "pl-PL") == .pl)
        #expect(Language(code: "UK_ua") == .uk)
        #expect(Language(code: "de") == nil)
        #expect(Language.resolve(nil, style: Style()) == .en)
        #expect(Language.resolve(.ru, style: Style(language: .pl)) == .ru)
    }

    static let journey = """
        journey j "J" {
          stage s "S" { touchpoint t "T" { owner d; emotion happy } }
          department d "D"
          style { theme print; language pl }
        }
        """

    @Test func styleLanguageIsRead() throws {
        let r = JourneyLoader.load(text: Self.journey, path: "j.journey")
        #expect(r.diagnostics.filter { $0.severity == .error }.isEmpty)
        #expect(r.journey?.style.language == .pl)
        #expect(r.journey?.style.theme == "print")
    }

    @Test func anUnknownLanguageIsAnErrorWithASuggestion() throws {
        let text = Self.journey.replacingOccurrences(of: "language pl", with: "language pt")
        let r = JourneyLoader.load(text: text, path: "j.journey")
        let d = try #require(r.diagnostics.first { $0.code == DiagnosticCode.unknownLanguage.id })
        #expect(d.message.contains("unknown language 'pt'"))
        #expect(d.message.contains("'pl'"))
        #expect(d.range.start.line == 4)
    }
}
