import Foundation
import JourneyCore

/// What a batch does with each journey.
public enum BatchKind: String, Sendable, Codable {
    /// The map and views (`render`, `watch`).
    case render
    /// The pain-point report set (`report`).
    case report
}

/// The job a supervisor hands a worker process, as JSON on its standard input: the journeys,
/// every option as a value, and the limits. No option is ever turned back into command-line
/// text.
public struct WorkerJob: Codable, Sendable, Equatable {
    /// What the worker makes.
    public var kind: BatchKind
    /// The journeys of the chunk, in order.
    public var inputs: [JourneyDiscovery.Input]
    /// Every option of the output sets, as values.
    public var options: RenderOptions
    /// How the journeys are loaded.
    public var load: LoadSettings
    /// The worker's address-space limit, in MiB.
    public var memoryLimitMiB: Int

    /// A job from its parts.
    public init(kind: BatchKind, inputs: [JourneyDiscovery.Input], options: RenderOptions, load: LoadSettings, memoryLimitMiB: Int) {
        self.kind = kind
        self.inputs = inputs
        self.options = options
        self.load = load
        self.memoryLimitMiB = memoryLimitMiB
    }
}

/// What a worker reports for one journey, as one line of JSON on its standard output, as
/// soon as the journey is done (the supervisor's per-journey deadline starts again).
public struct WorkerResult: Codable, Sendable, Equatable {
    /// The journey file.
    public var path: String
    /// The journey's id; nil when it did not load.
    public var journeyID: String?
    var diagnostics: [WireDiagnostic]
    /// Every file of the output set, and those whose bytes changed (written).
    public var files: [String]
    /// The files of the set whose bytes changed.
    public var written: [String]
    /// The journey's output set could not be written (a full disk, permissions).
    public var writeError: String?
    /// The file holds only shared definitions (no stages): nothing to render, not a failure.
    public var sharedDefinitions: Bool
    /// Wall-clock seconds for the journey (load to written).
    public var seconds: Double

    /// The diagnostics as values.
    public var diagnosticValues: [Diagnostic] { diagnostics.map(\.value) }

    /// Whether the journey failed: an error diagnostic, or the set could not be written.
    public var failed: Bool { writeError != nil || diagnostics.contains { $0.severity == .error } }
}

/// Encoding and decoding of the protocol: JSON with sorted keys, one result a line.
public enum WorkerProtocol {
    /// The job as JSON with sorted keys.
    public static func encode(_ job: WorkerJob) throws -> [UInt8] {
        Array(try encoder.encode(job))
    }

    /// A job from the JSON `encode` wrote.
    public static func decodeJob(_ bytes: [UInt8]) throws -> WorkerJob {
        try JSONDecoder().decode(WorkerJob.self, from: Data(bytes))
    }

    /// One result as a line of JSON (ending in a newline).
    public static func line(_ result: WorkerResult) throws -> String {
        String(decoding: try encoder.encode(result), as: UTF8.self) + "\n"
    }

    /// The results in a worker's output; a line cut short by the worker's death is dropped.
    public static func results(in output: String) -> [WorkerResult] {
        output.split(separator: "\n").compactMap { try? JSONDecoder().decode(WorkerResult.self, from: Data($0.utf8)) }
    }

    private static var encoder: JSONEncoder {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }
}
