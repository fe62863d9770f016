import ArgumentParser
import JourneyWorkflow

enum Inputs {
    /// Expands the paths, turning a missing path into a usage error (exit 64).
    static func resolve(_ paths: [String]) throws -> [JourneyDiscovery.Input] {
        let inputs: [JourneyDiscovery.Input]
        do throws(JourneyDiscovery.Failure) {
            inputs = try JourneyDiscovery.inputs(for: paths)
        } catch .notFound(let p) {
            throw ValidationError("'\(p)' does not exist")
        } catch .notJourney(let p) {
            throw ValidationError("'\(p)' is not a file or folder")
        }
        if inputs.isEmpty { throw ValidationError("no .journey files in \(paths.joined(separator: ", "))") }
        return inputs
    }
}
