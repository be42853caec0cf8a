import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import FoyerCore

/// An XML element read into memory: its name, its text and its children, with the line it
/// starts on (for messages). Attributes are not kept (the DPE exchange format has none that
/// carry data).
public final class XMLElementNode: @unchecked Sendable {
    public let name: String
    public internal(set) var text = ""
    public internal(set) var children: [XMLElementNode] = []
    public let line: Int

    init(name: String, line: Int) {
        self.name = name
        self.line = line
    }

    /// The first child named `name`.
    public func child(_ name: String) -> XMLElementNode? { children.first { $0.name == name } }

    /// The children named `name`.
    public func all(_ name: String) -> [XMLElementNode] { children.filter { $0.name == name } }

    /// The element at a path of names below this one (`logement/sortie/ep_conso`).
    public func at(_ path: String) -> XMLElementNode? {
        var node: XMLElementNode? = self
        for part in path.split(separator: "/") { node = node?.child(String(part)) }
        return node
    }

    /// The trimmed text of the element at `path`, nil when absent or empty.
    public func string(_ path: String) -> String? {
        guard let value = at(path)?.text.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    /// Every element named `name` at any depth below this one, in document order.
    public func descendants(_ name: String) -> [XMLElementNode] {
        var found: [XMLElementNode] = []
        var stack = Array(children.reversed())
        while let node = stack.popLast() {
            if node.name == name { found.append(node) }
            stack.append(contentsOf: node.children.reversed())
        }
        return found
    }
}

/// Reads an XML document into a tree, refusing what a DPE never holds and what could exhaust
/// memory: a document type declaration or entity (the "billion laughs" expansion), more than
/// ``maximumDepth`` levels, more than ``maximumElements`` elements, an element's text longer
/// than ``maximumTextBytes``. Errors name the file, the line and column.
public enum XMLTree {
    public static let maximumDepth = 64
    public static let maximumElements = 500_000
    public static let maximumTextBytes = 1 << 16

    public static func parse(_ data: Data, file: String) throws(InputError) -> XMLElementNode {
        func failure(_ message: String, line: Int? = nil, column: Int? = nil, expected: String? = nil) -> InputError {
            let place = line.map { "line \($0)" + (column.map { ", column \($0)" } ?? "") } ?? ""
            return InputError(InputIssue(.error, file: file, path: place, message: message, expected: expected))
        }
        if data.isEmpty { throw failure("the file is empty", expected: "an XML document") }
        // A DPE has no document type: refusing any declaration refuses entity expansion too.
        for marker in ["<!DOCTYPE", "<!ENTITY"] where data.range(of: Data(marker.utf8)) != nil {
            throw failure("the XML declares a document type or an entity (\(marker)), which a DPE never does", expected: "a plain XML document")
        }
        let collector = Collector()
        let parser = XMLParser(data: data)
        parser.shouldResolveExternalEntities = false
        parser.shouldProcessNamespaces = false
        parser.delegate = collector
        let ok = parser.parse()
        if let limit = collector.limitExceeded {
            throw failure(limit.message, line: limit.line, expected: limit.expected)
        }
        if let error = collector.error {
            throw failure("not a well-formed XML document: \(error.message)", line: error.line, column: error.column, expected: "an XML document")
        }
        guard ok, let root = collector.root else {
            let error = parser.parserError.map { ($0 as NSError).localizedDescription } ?? "not well-formed XML"
            throw failure("not a well-formed XML document: \(error)", line: parser.lineNumber, column: parser.columnNumber, expected: "an XML document")
        }
        // Every element closed (a parser that stops early on a mismatch must not hand back half a tree).
        if let open = collector.stack.last {
            throw failure("not a well-formed XML document: <\(open.name)> is never closed", line: open.line, expected: "an XML document")
        }
        return root
    }

    final class Collector: NSObject, XMLParserDelegate {
        var root: XMLElementNode?
        var stack: [XMLElementNode] = []
        var count = 0
        var limitExceeded: (message: String, line: Int, expected: String)?
        var error: (message: String, line: Int, column: Int)?

        func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
            if error == nil { error = ((parseError as NSError).localizedDescription, parser.lineNumber, parser.columnNumber) }
        }

        func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
            count += 1
            guard count <= XMLTree.maximumElements else {
                limitExceeded = ("more than \(XMLTree.maximumElements) elements", parser.lineNumber, "a DPE (a whole building is under 20 000)")
                parser.abortParsing()
                return
            }
            guard stack.count < XMLTree.maximumDepth else {
                limitExceeded = ("elements nested more than \(XMLTree.maximumDepth) deep", parser.lineNumber, "a DPE (about 10 levels)")
                parser.abortParsing()
                return
            }
            let node = XMLElementNode(name: elementName, line: parser.lineNumber)
            if let parent = stack.last { parent.children.append(node) } else if root == nil { root = node }
            stack.append(node)
        }

        func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
            _ = stack.popLast()
        }

        func parser(_ parser: XMLParser, foundCharacters string: String) {
            guard let node = stack.last else { return }
            guard node.text.utf8.count + string.utf8.count <= XMLTree.maximumTextBytes else {
                limitExceeded = ("the text of <\(node.name)> is longer than \(XMLTree.maximumTextBytes) bytes", parser.lineNumber, "a DPE value")
                parser.abortParsing()
                return
            }
            node.text += string
        }
    }
}
