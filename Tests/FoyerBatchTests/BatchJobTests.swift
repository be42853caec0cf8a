import Foundation
import Testing
@testable import FoyerBatch
import FoyerCore
import FoyerModel
import FoyerEnergy
import FoyerAnalysis

@Suite("Batch job lines")
struct BatchJobTests {
    @Test func aFullJobReads() throws {
        let line = #"{"id": "h-1", "dwelling": {"base": "fr/sfh-1949-1974"}, "weather": "H1c", "model": "5r1c", "use": "conventional", "compute": ["simulation", "label"], "diagnosed_on": "2025-06-01"}"#
        let job = try BatchJob.parse(Data(line.utf8), number: 3, source: "jobs.jsonl")
        #expect(job.id == "h-1" && job.line == 3 && job.weather == "H1c" && job.model == .fiveR1C && job.use == .conventional)
        #expect(job.outputs == [.simulation, .label])
        #expect(job.diagnosedOn == CivilDate(2025, 6, 1))
    }

    @Test func anArchetypeIdIsADwelling() throws {
        let job = try BatchJob.parse(Data(#"{"id": 7, "dwelling": "fr/sfh-1975-1989"}"#.utf8), number: 1, source: "s")
        #expect(job.id == "7" && job.dwelling == .object(["base": .string("fr/sfh-1975-1989")]) && job.outputs == [.simulation])
    }

    /// Hostile and wrong lines give errors naming the line and the field, never a crash.
    @Test(arguments: [
        ("", "JSON"), ("not json", ""), ("[1, 2]", "a job line is a JSON object"), ("{\"dwelling\": 1e999}", ""),
        ("{\"id\": \"a\"}", "dwelling"), ("{\"id\": \"a\", \"dwelling\": \"x\", \"modle\": \"5r1c\"}", "did you mean"),
        ("{\"id\": \"a\", \"dwelling\": \"x\", \"model\": \"monthly\"}", "model"), ("{\"id\": \"a\", \"dwelling\": \"x\", \"compute\": [\"everything\"]}", "compute[0]"),
        ("{\"id\": \"a\", \"dwelling\": \"x\", \"compute\": []}", "nothing to compute"), ("{\"id\": \"a\", \"dwelling\": \"x\", \"use\": 3}", "use"),
        ("{\"id\": [1], \"dwelling\": \"x\"}", "id"), ("{\"id\": 1e300, \"dwelling\": \"x\"}", "id"), ("{\"id\": \"a\", \"dwelling\": \"x\", \"diagnosed_on\": \"2020-01-01\"}", "diagnosed_on"),
        ("{\"id\": \"a\", \"dwelling\": \"x\", \"dwelling_file\": \"y.json\"}", "not both"),
        (String(repeating: "[", count: 300), "nesting"),
    ])
    func badLines(line: String, fragment: String) {
        do {
            _ = try BatchJob.parse(Data(line.utf8), number: 9, source: "jobs.jsonl")
            Issue.record("accepted \(line.prefix(60))")
        } catch {
            #expect(error.issues.allSatisfy { $0.file == "jobs.jsonl:9" }, "\(error.issues)")
            #expect(fragment.isEmpty || error.description.contains(fragment), "\(error.description)")
        }
    }
}

/// The stream: ordered, the same bytes whatever the jobs, resumable after a cut, sharded.
@Suite("Batch runs")
struct BatchStreamTests {
    static let lines: [String] = (0..<9).map { index in
        switch index {
        case 3: return #"{"id": "broken", "dwelling": "#
        case 5: return #"{"id": "bad", "dwelling": {"base": "fr/sfh-1975-1989", "geometry": {"floor_area_m2": -1}}, "model": "5r1c"}"#
        default:
            let base = ["fr/sfh-1975-1989", "fr/apartment-1949-1974", "fr/sfh-2006-2012"][index % 3]
            return #"{"id": "j\#(index)", "dwelling": {"base": "\#(base)", "thermostat": {"heating_setpoint_c": \#(18 + index % 3)}}, "weather": "H2b", "model": "5r1c"}"#
        }
    }

    static func file(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("foyer-batch-\(UUID().uuidString).jsonl")
        try Data(text.utf8).write(to: url)
        return url
    }

    static func run(_ input: URL, jobs: Int, shard: (Int, Int) = (0, 1), output: URL? = nil, skip: Int = 0, lastLine: Int? = nil, lastID: String? = nil,
                    format: BatchStream.Format = .jsonLines) throws -> (Data, BatchSummary) {
        let out = output ?? FileManager.default.temporaryDirectory.appendingPathComponent("foyer-batch-out-\(UUID().uuidString).jsonl")
        if output == nil { #expect(FileManager.default.createFile(atPath: out.path, contents: nil)) }
        let inputHandle = try FileHandle(forReadingFrom: input)
        let outputHandle = try FileHandle(forUpdating: out)
        try outputHandle.seekToEnd()
        let runner = BatchRunner(library: try EnergyPipeline.tariffs(), source: "jobs.jsonl")
        let summary = try BatchStream.run(input: inputHandle, output: outputHandle, runner: runner,
                                          options: .init(jobs: jobs, shard: shard, blockSize: 4, format: format), skip: skip, lastLine: lastLine, lastID: lastID)
        try outputHandle.close()
        return (try Data(contentsOf: out), summary)
    }

    @Test func orderedIdenticalResumableSharded() throws {
        let input = try Self.file(Self.lines.joined(separator: "\n") + "\n")
        let (one, summary) = try Self.run(input, jobs: 1)
        let (two, _) = try Self.run(input, jobs: 2)
        #expect(one == two, "the output depends on the number of jobs")
        #expect(summary.lines == 9 && summary.ok == 7 && summary.errors == 2)
        let records = String(decoding: one, as: UTF8.self).split(separator: "\n")
        #expect(records.count == 9)
        #expect(records[3].contains(#""id":"line-4""#) && records[3].contains(#""status":"error""#) && records[3].contains("not valid JSON"))
        #expect(records[5].contains(#""id":"bad""#) && records[5].contains("geometry.floor_area_m2"))
        #expect(records[0].contains(#""heating_need_kwh""#) && records[0].contains(#""line":1"#))
        // A run cut after 4 records and in the middle of the 5th: resume cuts the partial line
        // and goes on; every line once, the same bytes as the whole run.
        let cut = FileManager.default.temporaryDirectory.appendingPathComponent("foyer-batch-cut-\(UUID().uuidString).jsonl")
        let head = records.prefix(4).joined(separator: "\n") + "\n" + records[4].prefix(20)
        try Data(head.utf8).write(to: cut)
        let handle = try FileHandle(forUpdating: cut)
        let state = try BatchStream.prepareResume(handle)
        try handle.close()
        #expect(state.records == 4 && state.lastLine == 4 && state.lastID == "line-4")
        let (resumed, resumedSummary) = try Self.run(input, jobs: 2, output: cut, skip: state.records, lastLine: state.lastLine, lastID: state.lastID)
        #expect(resumed == one)
        #expect(resumedSummary.resumed == 4 && resumedSummary.lines == 5)
        // The wrong input for that output is refused.
        let other = try Self.file(Self.lines.dropFirst().joined(separator: "\n") + "\n")
        #expect(throws: InputError.self) { try Self.run(other, jobs: 1, skip: 4, lastLine: 4, lastID: "line-4") }
        // Shards: together, every line exactly once.
        let (a, _) = try Self.run(input, jobs: 2, shard: (0, 2))
        let (b, _) = try Self.run(input, jobs: 2, shard: (1, 2))
        let shardLines = (String(decoding: a, as: UTF8.self).split(separator: "\n") + String(decoding: b, as: UTF8.self).split(separator: "\n")).sorted()
        #expect(shardLines == records.sorted())
    }

    /// `--unordered`: the same records as an ordered run, in any order; a run cut after some
    /// records (and inside the next) resumes to every line exactly once, and an output of another
    /// input is refused.
    @Test(arguments: [BatchStream.Format.jsonLines, .csv])
    func unorderedRecordsAndResume(format: BatchStream.Format) throws {
        let input = try Self.file(Self.lines.joined(separator: "\n") + "\n")
        let (ordered, _) = try Self.run(input, jobs: 1, format: format)
        func unordered(output: URL? = nil, done: [Int: String] = [:], from file: URL = input) throws -> (Data, BatchSummary) {
            let out = output ?? FileManager.default.temporaryDirectory.appendingPathComponent("foyer-batch-un-\(UUID().uuidString)")
            if output == nil { #expect(FileManager.default.createFile(atPath: out.path, contents: nil)) }
            let outputHandle = try FileHandle(forUpdating: out)
            try outputHandle.seekToEnd()
            let runner = BatchRunner(library: try EnergyPipeline.tariffs(), source: "jobs.jsonl")
            let summary = try BatchStream.runUnordered(input: try FileHandle(forReadingFrom: file), output: outputHandle, runner: runner,
                                                       options: .init(jobs: 2, blockSize: 2, format: format, ordered: false), done: done)
            try outputHandle.close()
            return (try Data(contentsOf: out), summary)
        }
        func records(_ data: Data) -> [Substring] {
            let all = String(decoding: data, as: UTF8.self).split(separator: "\n")
            return format == .csv ? Array(all.dropFirst()) : all
        }
        let (whole, summary) = try unordered()
        #expect(summary.lines == 9 && summary.ok == 7 && summary.errors == 2)
        #expect(records(whole).sorted() == records(ordered).sorted(), "unordered records differ from ordered ones")
        if format == .csv { #expect(whole.starts(with: BatchCSV.header)) }
        // Cut after the header and 3 records, inside the 4th.
        let kept = records(whole)
        let cut = FileManager.default.temporaryDirectory.appendingPathComponent("foyer-batch-uncut-\(UUID().uuidString)")
        let header = format == .csv ? String(decoding: BatchCSV.header, as: UTF8.self) : ""
        try Data((header + kept.prefix(3).joined(separator: "\n") + "\n" + kept[3].prefix(12)).utf8).write(to: cut)
        let handle = try FileHandle(forUpdating: cut)
        let done = try BatchStream.prepareUnorderedResume(handle, format: format)
        try handle.close()
        #expect(done.count == 3)
        let (resumed, resumedSummary) = try unordered(output: cut, done: done)
        #expect(resumedSummary.resumed == 3 && resumedSummary.lines == 6)
        #expect(records(resumed).sorted() == records(ordered).sorted(), "a resumed run lost or repeated lines")
        // Another input (lines shifted by one) is refused.
        let other = try Self.file(Self.lines.dropFirst().joined(separator: "\n") + "\n")
        #expect(throws: InputError.self) { try unordered(done: done, from: other) }
    }

    /// CSV: a header, one row per line with the same columns, and a resume that cuts a partial
    /// row and goes on to the same bytes.
    @Test func csvRowsAndResume() throws {
        let input = try Self.file(Self.lines.joined(separator: "\n") + "\n")
        let (whole, _) = try Self.run(input, jobs: 2, format: .csv)
        let rows = String(decoding: whole, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(rows.count == 10)
        #expect(rows.first.map(String.init) == BatchCSV.columns.joined(separator: ","))
        #expect(rows.dropFirst().allSatisfy { $0.hasPrefix("j") || $0.hasPrefix("line-") || $0.hasPrefix("bad") })
        #expect(rows[1].hasPrefix("j0,1,ok,,,") && rows[4].hasPrefix("line-4,4,error,"))
        let cut = FileManager.default.temporaryDirectory.appendingPathComponent("foyer-batch-csv-\(UUID().uuidString).csv")
        try Data((rows.prefix(6).joined(separator: "\n") + "\n" + rows[6].prefix(9)).utf8).write(to: cut)
        let handle = try FileHandle(forUpdating: cut)
        let state = try BatchStream.prepareResume(handle, format: .csv)
        try handle.close()
        #expect(state.records == 5 && state.lastLine == 5 && state.lastID == "j4")
        let (resumed, _) = try Self.run(input, jobs: 1, output: cut, skip: state.records, lastLine: state.lastLine, lastID: state.lastID, format: .csv)
        #expect(resumed == whole)
        // A field with a comma or a quote is quoted (RFC 4180).
        #expect(BatchCSV.quoted("a,b \"c\"") == "\"a,b \"\"c\"\"\"")
    }

    /// A line longer than the limit is an error record, read in bounded memory.
    @Test func aHugeLineIsAnErrorRecord() throws {
        let huge = #"{"id": "huge", "dwelling": ""# + String(repeating: "x", count: LineReader.maximumLineBytes + 10) + "\"}"
        let input = try Self.file(huge + "\n" + Self.lines[0] + "\n")
        let (data, summary) = try Self.run(input, jobs: 2)
        let records = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(records.count == 2 && summary.errors == 1 && summary.ok == 1)
        #expect(records[0].contains("line too long"))
    }

    /// An unknown weather source is the job's error: its line, the field that named it, the value.
    @Test func anUnknownWeatherNamesItsLineAndField() throws {
        let input = try Self.file(Self.lines[0] + "\n" + Self.lines[0].replacingOccurrences(of: #""H2b""#, with: #""H9z""#) + "\n")
        let (data, summary) = try Self.run(input, jobs: 1)
        let records = String(decoding: data, as: UTF8.self).split(separator: "\n")
        #expect(records.count == 2 && summary.errors == 1)
        let error = try #require(records.last)
        #expect(error.contains(#""file":"jobs.jsonl:2""#) && error.contains(#""path":"weather""#) && error.contains(#""value":"H9z""#), "\(error)")
    }
}

@Suite("Batch sweeps")
struct BatchSweepTests {
    static func expand(_ text: String) throws -> [String] {
        var lines: [String] = []
        _ = try BatchSweep.expand(Data(text.utf8), file: "sweep.json") { lines.append(String(decoding: $0, as: UTF8.self)) }
        return lines
    }

    @Test func theGridIsExpandedInOrderWithTags() throws {
        let lines = try Self.expand(#"""
        {"id_prefix": "t", "job": {"dwelling": {"base": "fr/sfh-1975-1989"}, "model": "5r1c"},
         "parameters": [{"path": "dwelling.thermostat.heating_setpoint_c", "values": [18, 20]},
                        {"path": "weather", "values": ["H1a", "H2b", "H3"]}]}
        """#)
        #expect(lines.count == 6)
        #expect(lines.allSatisfy { $0.hasSuffix("\n") })
        let jobs = try lines.enumerated().map { try BatchJob.parse(Data($1.utf8), number: $0 + 1, source: "jobs") }
        #expect(jobs.map(\.id) == ["t-0", "t-1", "t-2", "t-3", "t-4", "t-5"])
        #expect(jobs.map(\.weather) == ["H1a", "H2b", "H3", "H1a", "H2b", "H3"])
        // The last parameter varies fastest; each job's dwelling keeps its base and gets the value.
        #expect(jobs[3].dwelling == .object(["base": .string("fr/sfh-1975-1989"), "thermostat": .object(["heating_setpoint_c": .number(20)])]))
        #expect(jobs[4].tags == .object(["dwelling.thermostat.heating_setpoint_c": .number(20), "weather": .string("H2b")]))
    }

    /// An archetype id as the dwelling takes paths under it, as a job line's does.
    @Test func anArchetypeIdTakesPaths() throws {
        let lines = try Self.expand(#"{"job": {"dwelling": "fr/sfh-1975-1989"}, "parameters": [{"path": "dwelling.thermostat.heating_setpoint_c", "values": [1e308, 19]}]}"#)
        let job = try BatchJob.parse(Data(lines[1].utf8), number: 2, source: "jobs")
        #expect(job.dwelling == .object(["base": .string("fr/sfh-1975-1989"), "thermostat": .object(["heating_setpoint_c": .number(19)])]))
    }

    @Test(arguments: [
        (#"[1]"#, "a sweep is a JSON object"),
        (#"{"job": {}, "parameters": [], "extra": 1}"#, "unknown field"),
        (#"{"job": {"dwelling": "x"}, "parameters": []}"#, "parameters"),
        (#"{"job": {"dwelling": "x"}, "parameters": [{"path": "a..b", "values": [1]}]}"#, "object keys"),
        (#"{"job": {"dwelling": "x"}, "parameters": [{"path": "a[0]", "values": [1]}]}"#, "object keys"),
        (#"{"job": {"dwelling": "x"}, "parameters": [{"path": "weather", "values": []}]}"#, "no values"),
        (#"{"job": {"dwelling": "x", "weather": "H1a"}, "parameters": [{"path": "weather.zone", "values": [1]}]}"#, "not an object"),
        (#"{"job": {"dwelling": "x"}, "parameters": [{"path": "id", "values": [1]}]}"#, "id and tags"),
        (#"{"job": {"dwelling": "x", "id": "a"}, "parameters": [{"path": "weather", "values": ["H1a"]}]}"#, "id and tags"),
        (#"{"job": {"dwelling": "x"}, "parameters": [{"path": "a", "values": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}, {"path": "b", "values": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}, {"path": "c", "values": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}, {"path": "d", "values": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}, {"path": "e", "values": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}, {"path": "f", "values": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]}, {"path": "g", "values": [1, 2]}]}"#, "combinations"),
        (#"{"job": {"dwelling": "x"}, "parameters": [{"path": "weather", "values": ["H1a"]}, {"path": "weather", "values": ["H3"]}]}"#, "twice"),
    ])
    func badSweeps(text: String, fragment: String) {
        do {
            _ = try Self.expand(text)
            Issue.record("accepted \(text.prefix(60))")
        } catch let error as InputError {
            #expect(error.description.contains(fragment), "\(error.description)")
            #expect(error.issues.first?.file == "sweep.json")
        } catch {
            Issue.record("not an input error: \(error)")
        }
    }
}
