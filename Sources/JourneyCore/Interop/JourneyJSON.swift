import Foundation

/// The resolved model as JSON (`journeymap export --to json`), for tools that want the
/// journey without parsing the language. Stable: sorted keys, document order in arrays.
public enum JourneyJSON {
    /// The journey as pretty-printed JSON with sorted keys.
    public static func encode(_ j: Journey) throws -> String {
        func opt(_ s: String?) -> JSONBox { s.map { .string($0) } ?? .null }
        func actions(_ a: [Action]) -> JSONBox { .array(a.map { .object(["text": .string($0.text), "owner": opt($0.owner)]) }) }
        let doc: JSONBox = .object([
            "schema": .string("journeymap.journey"), "version": .int(1),
            "id": .string(j.id), "title": .string(j.title), "description": opt(j.description),
            "personas": .array(
                j.personas.map { p in
                    .object([
                        "id": .string(p.id), "name": .string(p.name), "goals": .array(p.goals.map { .string($0) }),
                        "segment": opt(p.segment),
                    ])
                }),
            "departments": .array(j.departments.map { .object(["id": .string($0.id), "title": .string($0.title)]) }),
            "channels": .array(j.channels.map { .object(["id": .string($0.id), "title": .string($0.title)]) }),
            "stages": .array(
                j.stages.map { s in
                    .object([
                        "id": .string(s.id), "title": .string(s.title),
                        "touchpoints": .array(
                            s.touchpoints.map { t in
                                .object([
                                    "id": .string(t.id), "title": .string(t.title), "channel": opt(t.channel), "owner": opt(t.owner),
                                    "emotion": t.emotion.map { .int($0.value) } ?? .null, "momentOfTruth": .bool(t.isMomentOfTruth),
                                    "branch": .bool(t.isBranch), "pains": .array(t.pains.map { .string($0) }),
                                    "opportunities": .array(t.opportunities.map { .string($0) }),
                                    "notes": .array(t.notes.map { .string($0) }),
                                    "actions": actions(t.customerActions), "backstage": actions(t.backstage), "support": actions(t.support),
                                    "personas": .array(t.personas.map { .string($0) }),
                                ])
                            }),
                    ])
                }),
            "flows": .array(
                j.flows.map { f in
                    .object(["from": .string(f.from), "to": .string(f.to), "label": opt(f.label), "kind": .string(f.kind.rawValue)])
                }),
            "targets": .array(
                j.targets.map { t in
                    .object([
                        "metric": .string(t.metricName), "comparison": .string(t.comparison.rawValue),
                        "value": .double(t.value), "percent": .bool(t.isPercent), "scope": .string(scope(t.scope)),
                    ])
                }),
        ])
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(doc), as: UTF8.self) + "\n"
    }

    static func scope(_ s: Target.Scope) -> String {
        switch s {
        case .journey: "journey"
        case .stage(let id): "stage " + id
        case .touchpoint(let id): "touchpoint " + id
        case .department(let id): "department " + id
        case .channel(let id): "channel " + id
        case .segment(let id): "segment " + id
        }
    }
}
