import JourneyCore
let r = JourneyLoader.load(path: CommandLine.arguments[1])
print(DiagnosticPrinter(sources: r.sources).format(r.diagnostics), terminator: "")
print(r.journey.map { "\($0.touchpoints.count) touchpoints, \($0.flows.count) flows" } ?? "no journey")
