import Foundation
#if canImport(Glibc)
    import Glibc
#endif

/// The worker side of the protocol: limits for the process, then the job's journeys one by
/// one, each result handed back as soon as it is written.
public enum WorkerProcess {
    /// Limits this process's address space and makes it die with its supervisor: no orphan
    /// keeps writing after a Ctrl-C or a kill. (prctl's death signal is variadic C; polling
    /// the parent id does the same job.)
    public static func enter(memoryLimitMiB: Int) {
        var limit = rlimit(rlim_cur: rlim_t(memoryLimitMiB) << 20, rlim_max: rlim_t(memoryLimitMiB) << 20)
        _ = setrlimit(Int32(RLIMIT_AS.rawValue), &limit)
        let parent = getppid()
        Thread.detachNewThread {
            while true {
                Thread.sleep(forTimeInterval: 0.2)
                if getppid() != parent { _exit(1) }
            }
        }
    }

    /// Renders (or reports) every journey of the job, writing each output set; `result` gets
    /// each journey's result as it is done.
    public static func run(_ job: WorkerJob, result: (WorkerResult) -> Void) {
        for input in job.inputs {
            let start = Date()
            let load = job.load.options(root: input.root)
            let outcome =
                job.kind == .render
                ? RenderJob.run(input, load: load, options: job.options)
                : ReportJob.run(input, load: load, options: job.options)
            var r = WorkerResult(
                path: input.path, journeyID: outcome.journeyID, diagnostics: outcome.diagnostics.map(WireDiagnostic.init),
                files: outcome.files.map(\.path), written: [], writeError: nil,
                sharedDefinitions: outcome.isSharedDefinitions, seconds: 0)
            if !outcome.failed, !outcome.isSharedDefinitions {
                do { r.written = try OutputWriter.write(outcome.files) } catch { r.writeError = "\(error)" }
            }
            r.seconds = Date().timeIntervalSince(start)
            result(r)
        }
    }
}
