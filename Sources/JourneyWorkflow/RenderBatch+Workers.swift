import Foundation
import JourneyCore

extension RenderBatch {
    /// Hands contiguous chunks of journeys to worker processes (the job as JSON on standard
    /// input), reports their results in input order, and collects the journeys written.
    static func runInWorkers(
        _ todo: [Loaded], _ settings: BatchSettings, emit: (BatchEvent) -> Void, done: inout [String: [String]]
    ) -> Bool {
        let jobs = max(1, settings.jobs)
        let perWorker = max(1, min(BatchSettings.journeysPerWorker, (todo.count + jobs - 1) / jobs))
        let chunks = stride(from: 0, to: todo.count, by: perWorker).map { Array(todo[$0..<min($0 + perWorker, todo.count)]) }
        let timeout = settings.timeout ?? BatchSettings.defaultTimeout
        let memory = settings.maxMemory ?? BatchSettings.defaultMaxMemory
        var tasks: [WorkerPool.Task] = []
        for chunk in chunks {
            let job = WorkerJob(
                kind: settings.kind, inputs: chunk.map(\.input), options: settings.options, load: settings.load, memoryLimitMiB: memory)
            do {
                tasks.append(WorkerPool.Task(arguments: ["worker"], input: try WorkerProtocol.encode(job), deadline: timeout))
            } catch {
                emit(.error("cannot describe the job for a worker: \(error)"))
                return false
            }
        }
        var finishedJourneys = 0
        let results = WorkerPool.run(tasks, jobs: jobs) { _, r in
            let n = WorkerProtocol.results(in: r.stdout).count
            finishedJourneys += n
            if let last = todo.last, n > 0 {
                emit(.progress(index: min(finishedJourneys, todo.count) - 1, total: todo.count, path: last.input.path))
            }
        }
        var ok = true
        for (chunk, r) in zip(chunks, results) {
            let said = WorkerPool.message(of: r)
            if !said.isEmpty { emit(.workerOutput(said)) }
            let byPath = Dictionary(WorkerProtocol.results(in: r.stdout).map { ($0.path, $0) }) { a, _ in a }
            var stopped: [String] = []
            for l in chunk {
                guard let w = byPath[l.input.path] else {
                    stopped.append(l.input.path)
                    continue
                }
                var diagnostics = w.diagnosticValues
                if let e = w.writeError { diagnostics.append(Diagnostic(.unwritableOutput, e, at: .file(l.input.path))) }
                emit(
                    .journey(
                        JourneyResult(
                            path: w.path, journeyID: w.journeyID, diagnostics: diagnostics,
                            sources: l.result.sources, written: w.written, failed: w.failed)))
                if w.failed {
                    ok = false
                } else if !w.sharedDefinitions {
                    done[w.path] = w.files.map { Manifest.relative($0, to: settings.options.outputDirectory) }
                }
            }
            guard !stopped.isEmpty else {
                if r.status != 0 { ok = false }
                continue
            }
            ok = false
            let first = stopped[0]
            let rest = stopped.count > 1 ? "; not rendered: \(stopped.dropFirst().joined(separator: ", "))" : ""
            if r.timedOut {
                let t = timeout >= 1 && timeout == timeout.rounded() ? String(Int(timeout)) : String(timeout)
                emit(
                    .error(
                        "rendering \(first) took longer than \(t) s a journey and was stopped; raise --timeout, or split the journey by stage\(rest)"
                    ))
            } else if r.signaled {
                emit(
                    .error(
                        "the worker rendering \(first) stopped (signal \(r.status): \(WorkerPool.cause(of: r, memoryLimit: memory))); no output of this journey was replaced\(rest)"
                    ))
            } else {
                emit(
                    .error(
                        "the worker rendering \(first) ended (status \(r.status)) before reporting it; no output of this journey was replaced\(rest)"
                    ))
            }
        }
        return ok
    }
}
