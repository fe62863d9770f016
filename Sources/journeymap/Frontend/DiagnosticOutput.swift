import Foundation
import JourneyCore
import JourneyWorkflow

enum DiagnosticOutput {
    static func render(_ diagnostics: [Diagnostic], format: DiagnosticFormat, sources: [String: SourceFile], colored: Bool) throws -> String
    {
        let sorted = diagnostics.sortedForOutput()
        switch format {
        case .text: return DiagnosticPrinter(sources: sources, colored: colored).format(sorted)
        case .json: return try DiagnosticWriter.json(sorted)
        case .github: return DiagnosticWriter.github(sorted)
        case .sarif:
            // The GitHub Action sets JOURNEYMAP_DOCS_URL to its own copy of docs/diagnostics.md.
            let docs = ProcessInfo.processInfo.environment["JOURNEYMAP_DOCS_URL"] ?? DiagnosticWriter.defaultHelpBase
            return try DiagnosticWriter.sarif(
                sorted, toolVersion: JourneyMapVersion.string,
                baseDirectory: FileManager.default.currentDirectoryPath, helpBase: docs)
        }
    }
}
