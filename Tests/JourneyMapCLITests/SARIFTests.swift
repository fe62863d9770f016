import Foundation
import JourneyTestSupport
import Testing

/// `check --format sarif` against the rules of the SARIF 2.1.0 JSON schema for every object
/// we emit: allowed properties (the schema forbids others), required properties, enums and
/// minimums. (The schema file itself is not vendored into this repository.)
@Suite struct SARIFTests {
    typealias Object = [String: Any]

    func checkObject(_ o: Object, allowed: Set<String>, required: Set<String>, _ path: String) {
        #expect(Set(o.keys).isSubset(of: allowed), "\(path): unexpected \(Set(o.keys).subtracting(allowed))")
        #expect(required.isSubset(of: Set(o.keys)), "\(path): missing \(required.subtracting(Set(o.keys)))")
    }

    @Test func logFollowsTheSchema() throws {
        let r = try CLI.run(["check", "Tests/JourneyCoreTests/Fixtures/diagnostics", "journeys", "--format", "sarif"])
        let results = try validate(r.stdout)
        #expect(results.count > 10)
    }

    /// Checks a SARIF log against the schema's rules for every object we emit; its results.
    @discardableResult
    func validate(_ sarif: String) throws -> [Object] {
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.utf8)) as? Object)
        checkObject(
            log, allowed: ["$schema", "version", "runs", "inlineExternalProperties", "properties"], required: ["version", "runs"], "log")
        #expect(log["version"] as? String == "2.1.0")
        let runs = try #require(log["runs"] as? [Object])
        #expect(runs.count == 1)
        let run = runs[0]
        checkObject(
            run, allowed: ["tool", "results", "columnKind", "invocations", "artifacts", "originalUriBaseIds", "properties"],
            required: ["tool"], "run")
        #expect(["utf16CodeUnits", "unicodeCodePoints"].contains(run["columnKind"] as? String ?? ""))
        let tool = try #require(run["tool"] as? Object)
        checkObject(tool, allowed: ["driver", "extensions", "properties"], required: ["driver"], "tool")
        let driver = try #require(tool["driver"] as? Object)
        checkObject(
            driver, allowed: ["name", "version", "rules", "informationUri", "semanticVersion", "properties"], required: ["name"], "driver")
        let rules = try #require(driver["rules"] as? [Object])
        var ruleIDs = Set<String>()
        for rule in rules {
            checkObject(
                rule, allowed: ["id", "shortDescription", "fullDescription", "helpUri", "name", "defaultConfiguration", "properties"],
                required: ["id"], "rule")
            if let d = rule["shortDescription"] as? Object {
                checkObject(d, allowed: ["text", "markdown", "properties"], required: ["text"], "shortDescription")
            }
            if let c = rule["defaultConfiguration"] as? Object {
                checkObject(c, allowed: ["enabled", "level", "rank", "parameters", "properties"], required: [], "defaultConfiguration")
                #expect(["none", "note", "warning", "error"].contains(c["level"] as? String ?? ""))
            }
            ruleIDs.insert(rule["id"] as! String)
        }
        let results = try #require(run["results"] as? [Object])
        for res in results {
            checkObject(
                res, allowed: ["ruleId", "level", "message", "locations", "ruleIndex", "properties"], required: ["message"], "result")
            #expect(["none", "note", "warning", "error"].contains(res["level"] as? String ?? ""))
            #expect(ruleIDs.contains(res["ruleId"] as? String ?? ""), "every ruleId is declared")
            let message = try #require(res["message"] as? Object)
            checkObject(message, allowed: ["text", "markdown", "id", "arguments", "properties"], required: [], "message")
            #expect(!(message["text"] as? String ?? "").isEmpty)
            for loc in res["locations"] as? [Object] ?? [] {
                checkObject(
                    loc, allowed: ["physicalLocation", "logicalLocations", "message", "id", "annotations", "relationships", "properties"],
                    required: [], "location")
                let physical = try #require(loc["physicalLocation"] as? Object)
                checkObject(
                    physical, allowed: ["artifactLocation", "region", "contextRegion", "address", "properties"], required: [],
                    "physicalLocation")
                let artifact = try #require(physical["artifactLocation"] as? Object)
                checkObject(
                    artifact, allowed: ["uri", "uriBaseId", "index", "description", "properties"], required: [], "artifactLocation")
                #expect(!(artifact["uri"] as? String ?? "").isEmpty)
                if let region = physical["region"] as? Object {
                    checkObject(
                        region,
                        allowed: [
                            "startLine", "startColumn", "endLine", "endColumn", "charOffset", "charLength", "byteOffset", "byteLength",
                            "snippet", "message", "sourceLanguage", "properties",
                        ], required: [], "region")
                    for k in ["startLine", "startColumn", "endLine", "endColumn"] where region[k] != nil {
                        #expect((region[k] as? Int ?? 0) >= 1, "region.\(k) ≥ 1")
                    }
                    #expect((region["endLine"] as? Int ?? Int.max) >= (region["startLine"] as? Int ?? 0))
                }
                // Code scanning needs a start line on every result.
                #expect(((physical["region"] as? Object)?["startLine"] as? Int ?? 0) >= 1, "every result has a region")
            }
        }
        return results
    }

    /// Rule descriptions and default levels come from the diagnostic catalogue.
    @Test func rulesAreDescribedFromTheCatalogue() throws {
        let r = try CLI.run(["check", "Tests/JourneyCoreTests/Fixtures/diagnostics", "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? Object)
        let run = try #require((log["runs"] as? [Object])?.first)
        let rules = try #require(((run["tool"] as? Object)?["driver"] as? Object)?["rules"] as? [Object])
        let byID = Dictionary(uniqueKeysWithValues: rules.map { ($0["id"] as? String ?? "", $0) })
        let channel = try #require(byID["JM203"], "five-mistakes has an unknown channel")
        #expect((channel["shortDescription"] as? Object)?["text"] as? String == "an unknown channel")
        #expect((channel["defaultConfiguration"] as? Object)?["level"] as? String == "error")
        let owner = try #require(byID["JM208"], "warnings has a touchpoint with no owner")
        #expect((owner["defaultConfiguration"] as? Object)?["level"] as? String == "warning")
        for rule in rules {
            let text = (rule["shortDescription"] as? Object)?["text"] as? String ?? ""
            #expect(!text.contains("see docs/diagnostics.md"), "\(rule["id"] ?? "?") is in the catalogue")
        }
    }

    /// Files under the working directory are relative URIs against %SRCROOT% (declared in
    /// originalUriBaseIds as the absolute folder); every rule links to its entry in the docs.
    @Test func relativeURIsAndHelpLinks() throws {
        let r = try CLI.run(["check", "Tests/JourneyCoreTests/Fixtures/diagnostics", "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? Object)
        let run = try #require((log["runs"] as? [Object])?.first)
        let bases = try #require(run["originalUriBaseIds"] as? Object)
        let root = try #require((bases["%SRCROOT%"] as? Object)?["uri"] as? String)
        #expect(root.hasPrefix("file:///") && root.hasSuffix("/"))
        let results = try #require(run["results"] as? [Object])
        for res in results {
            let artifact = try #require(
                (((res["locations"] as? [Object])?.first?["physicalLocation"]) as? Object)?["artifactLocation"] as? Object)
            let uri = artifact["uri"] as? String ?? ""
            #expect(uri.hasPrefix("Tests/JourneyCoreTests/Fixtures/diagnostics/"), "relative: \(uri)")
            #expect(artifact["uriBaseId"] as? String == "%SRCROOT%")
        }
        let rules = try #require(((run["tool"] as? Object)?["driver"] as? Object)?["rules"] as? [Object])
        #expect(rules.count >= 64, "a rule per catalogued code")
        for (i, rule) in rules.enumerated() {
            let id = rule["id"] as? String ?? ""
            #expect(rule["helpUri"] as? String == "docs/diagnostics.md#\(id.lowercased())")
            for res in results where res["ruleId"] as? String == id { #expect(res["ruleIndex"] as? Int == i) }
        }
        let docs = try CLI.run(
            ["check", "Tests/JourneyCoreTests/Fixtures/diagnostics", "--format", "sarif"],
            environment: ["JOURNEYMAP_DOCS_URL": "https://example.org/docs/diagnostics.md"])
        #expect(docs.stdout.contains("\"helpUri\" : \"https://example.org/docs/diagnostics.md#jm203\""))
    }
}
