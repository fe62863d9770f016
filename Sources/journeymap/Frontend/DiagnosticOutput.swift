import JourneyCore
import JourneyWorkflow

enum DiagnosticOutput {
    static func render(_ diagnostics: [Diagnostic], format: DiagnosticFormat, sources: [String: SourceFile], colored: Bool) -> String {
        let sorted = diagnostics.sortedForOutput()
        switch format {
        case .text: return DiagnosticPrinter(sources: sources, colored: colored).format(sorted)
        case .json: return DiagnosticWriter.json(sorted)
        case .github: return DiagnosticWriter.github(sorted)
        case .sarif: return DiagnosticWriter.sarif(sorted, toolVersion: JourneyMapVersion.string)
        }
    }
}
