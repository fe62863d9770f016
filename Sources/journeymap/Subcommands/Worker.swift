import ArgumentParser
import Foundation
import JourneyWorkflow

/// A worker process of a batch (hidden): reads a `WorkerJob` as JSON on standard input and
/// writes one `WorkerResult` line of JSON a journey on standard output.
struct Worker: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "worker", abstract: "A worker process of a render batch (internal).", shouldDisplay: false)

    func run() throws {
        let job: WorkerJob
        do {
            job = try WorkerProtocol.decodeJob(Array(FileHandle.standardInput.readDataToEndOfFile()))
        } catch {
            Terminal.err("error: the worker cannot read its job: \(error)\n")
            throw ExitCode(70)
        }
        WorkerProcess.enter(memoryLimitMiB: job.memoryLimitMiB)
        var failure: Error?
        WorkerProcess.run(job) { result in
            do { Terminal.out(try WorkerProtocol.line(result)) } catch { failure = error }
        }
        if let failure {
            Terminal.err("error: the worker cannot report a result: \(failure)\n")
            throw ExitCode(70)
        }
    }
}
