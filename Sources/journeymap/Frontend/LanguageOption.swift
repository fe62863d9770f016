import ArgumentParser
import JourneyCore

/// `--lang`: the language of the fixed words and numbers of maps and reports, overriding the
/// journey's `style { language … }` (docs/languages.md).
struct LanguageOption: ParsableArguments {
    @Option(
        name: .customLong("lang"),
        help: "Language of labels, legends, headings and numbers: en, pl, ru, uk (overrides the journey's style { language … }).",
        completion: .list(Language.codes))
    var code: String?

    /// The chosen language; nil keeps each journey's own.
    var language: Language? { code.flatMap(Language.init(code:)) }

    func validate() throws {
        if let code, Language(code: code) == nil {
            throw ValidationError("unknown language '\(code)'; use \(Language.codes.joined(separator: ", "))")
        }
    }
}
