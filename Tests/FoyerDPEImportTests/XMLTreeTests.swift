import Foundation
import Testing
@testable import FoyerDPEImport
import FoyerCore

enum SharedDPEFiles {
    static let folder = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("shared/reference/dpe/xml")
    static var files: [URL] {
        ((try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? [])
            .filter { $0.pathExtension == "xml" }.sorted { $0.lastPathComponent < $1.lastPathComponent }
    }
    static var isAvailable: Bool { !files.isEmpty }
    static let absentMessage = "../shared/reference/dpe/xml is absent (a user's clone): the real-DPE tests are skipped"
}

@Suite("Reading DPE XML")
struct XMLTreeTests {
    /// Every one of the 153 real DPEs reads, with its primary energy where the file has one.
    @Test(.enabled(if: SharedDPEFiles.isAvailable, "\(SharedDPEFiles.absentMessage)"))
    func theRealFilesRead() throws {
        var withOutput = 0
        for url in SharedDPEFiles.files {
            let data = try InputFile.read(url.path, kind: .dpeXML)
            let root = try XMLTree.parse(data, file: url.lastPathComponent)
            #expect(root.name == "dpe", "\(url.lastPathComponent): root <\(root.name)>")
            if root.string("logement/sortie/ep_conso/ep_conso_5_usages_m2").flatMap(Double.init) != nil { withOutput += 1 }
        }
        #expect(SharedDPEFiles.files.count == 153)
        #expect(withOutput == 153, "\(withOutput) files with ep_conso_5_usages_m2")
    }

    /// Hostile documents are refused with the file, the place and the reason — never a crash,
    /// a hang or memory exhausted.
    @Test(arguments: [
        ("", "empty"),
        ("not xml at all", "well-formed"),
        ("<dpe><logement></dpe>", "well-formed"),
        ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;\">]><dpe>&lol2;</dpe>", "document type"),
        ("<dpe>" + String(repeating: "<a>", count: 100) + String(repeating: "</a>", count: 100) + "</dpe>", "deep"),
        ("<dpe><description>" + String(repeating: "x", count: 70_000) + "</description></dpe>", "longer than"),
        ("\u{FEFF}\u{0}\u{1}garbage<<<>>>", "well-formed"),
    ])
    func hostileDocuments(text: String, fragment: String) {
        do {
            _ = try XMLTree.parse(Data(text.utf8), file: "hostile.xml")
            Issue.record("accepted: \(text.prefix(60))")
        } catch {
            let issue = error.issues.first
            #expect(issue?.file == "hostile.xml")
            #expect(issue?.description.contains(fragment) == true, "\(error.issues.map(\.description))")
        }
    }

    @Test func manyElementsAreRefused() {
        let text = "<dpe>" + String(repeating: "<x/>", count: XMLTree.maximumElements + 1) + "</dpe>"
        #expect(throws: InputError.self) { try XMLTree.parse(Data(text.utf8), file: "many.xml") }
    }
}
