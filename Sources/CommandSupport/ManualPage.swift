import Foundation

/// A man page (roff, section 1) written from the argument parser's own description of the
/// commands (`--experimental-dump-help`), so the page lists exactly the commands and options the
/// binary accepts. Pure: JSON in, text out.
public enum ManualPage {
    /// The part of ArgumentParser's tool-info JSON (serialization version 0) the page uses.
    struct Tool: Decodable { var command: Command }
    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var shouldDisplay: Bool?
        var subcommands: [Command]?
        var arguments: [Argument]?
    }
    struct Argument: Decodable {
        struct Name: Decodable { var kind: String; var name: String }
        var kind: String
        var names: [Name]?
        var valueName: String?
        var abstract: String?
        var discussion: String?
        var defaultValue: String?
        var isOptional: Bool?
        var isRepeating: Bool?
        var shouldDisplay: Bool?
    }

    /// Why a page could not be written.
    public struct Unreadable: Error, CustomStringConvertible {
        public let description: String
    }

    /// The page for the tool described by `json`, dated `date` (`2026-12-02`).
    public static func render(toolInfo json: Data, date: String, version: String) throws -> String {
        let tool: Tool
        do { tool = try JSONDecoder().decode(Tool.self, from: json) } catch {
            throw Unreadable(description: "the command description could not be read: \(error)")
        }
        let root = tool.command
        let name = root.commandName
        var out = """
        .\\" Generated from the command definitions by `\(name) manual`. Do not edit.
        .TH \(name.uppercased()) 1 "\(date)" "\(name) \(version)" "User Commands"
        .SH NAME
        \(name) \\- \(escape(root.abstract ?? ""))
        .SH SYNOPSIS
        .B \(name)
        [\\fIcommand\\fR] [\\fIoptions\\fR]
        .SH DESCRIPTION
        \(paragraphs(root.discussion ?? root.abstract ?? ""))
        .PP
        Without a command, \(name) opens the desk's terminal UI (\\fB\(name) tui\\fR). Every command takes the journal as \\fB\\-\\-journal\\fR \\fIpath\\fR or \\fB\\-\\-store\\fR \\fIpostgresql://…\\fR; \\fB\(name)\\fR \\fIcommand\\fR \\fB\\-\\-help\\fR shows one command's options.
        """
        out += "\n"
        let visibleRoot = (root.arguments ?? []).filter(isShown)
        if !visibleRoot.isEmpty {
            out += ".SH OPTIONS\n" + options(visibleRoot)
        }
        out += ".SH COMMANDS\n"
        for sub in root.subcommands ?? [] where sub.shouldDisplay ?? true {
            out += command(sub, path: [name])
        }
        out += """
        .SH ENVIRONMENT
        .TP
        .B ONDERDAK_STORE
        The journal location when no \\fB\\-\\-journal\\fR or \\fB\\-\\-store\\fR is given: a file path or a \\fBpostgresql://\\fR URL.
        .TP
        .B ONDERDAK_NOW
        Runs every command at this moment (Amsterdam local time, e.g. 2026\\-11\\-28T23:30). Honoured only on demo journals; a real journal refuses to open with it set.
        .TP
        .B ONDERDAK_DATA
        The directory with the rule sets and translations, when not installed beside the binary.
        .SH FILES
        .TP
        .I JOURNAL
        The append\\-only journal (mode 0600), the single source of truth.
        .TP
        .I JOURNAL.keys
        The per\\-person key store: without it personal data cannot be read. Back it up with the journal.
        .SH EXIT STATUS
        0 on success; 1 when a command refused or failed (the message says why); 2 on wrong usage or a clock override on a real journal.
        .SH SEE ALSO
        The README shipped with Onderdak: set\\-up, deployment over SSH and on PostgreSQL, backups.

        """
        return out
    }

    static func command(_ c: Command, path: [String]) -> String {
        let full = path + [c.commandName]
        var out = ".SS \(escape(full.joined(separator: " ")))\n"
        if let a = c.abstract, !a.isEmpty { out += escape(a) + "\n" }
        if let d = c.discussion, !d.isEmpty { out += ".PP\n" + paragraphs(d) + "\n" }
        let args = (c.arguments ?? []).filter(isShown)
        if !args.isEmpty { out += options(args) }
        for sub in c.subcommands ?? [] where sub.shouldDisplay ?? true {
            out += command(sub, path: full)
        }
        return out
    }

    static func isShown(_ a: Argument) -> Bool {
        guard a.shouldDisplay ?? true else { return false }
        // ArgumentParser's own flags are the same on every command: listed once, below the name.
        let names = Set((a.names ?? []).map(\.name))
        return names.isDisjoint(with: ["help", "h", "version", "experimental-dump-help", "generate-completion-script"])
    }

    static func options(_ args: [Argument]) -> String {
        var out = ""
        for a in args {
            out += ".TP\n" + term(a) + "\n"
            var text = escape(a.abstract ?? "")
            if let d = a.defaultValue, !d.isEmpty, !(a.abstract ?? "").lowercased().contains("default") { text += " (default: \(escape(d)))" }
            out += (text.isEmpty ? "\\&" : text) + "\n"
            if let d = a.discussion, !d.isEmpty { out += paragraphs(d) + "\n" }
        }
        return out
    }

    static func term(_ a: Argument) -> String {
        let value = a.valueName.map { " \\fI\(escape($0))\\fR" } ?? ""
        switch a.kind {
        case "positional":
            return "\\fI\(escape(a.valueName ?? "value"))\\fR" + (a.isRepeating == true ? "..." : "")
        default:
            let names = (a.names ?? []).map { n in
                (n.kind == "short" ? "\\-" : "\\-\\-") + escape(n.name)
            }
            return "\\fB" + names.joined(separator: "\\fR, \\fB") + "\\fR" + (a.kind == "option" ? value : "")
        }
    }

    /// Roff-safe text: backslashes and hyphens escaped, a leading dot or quote neutralised.
    static func escape(_ s: String) -> String {
        var t = s.replacingOccurrences(of: "\\", with: "\\e").replacingOccurrences(of: "-", with: "\\-")
        if t.hasPrefix(".") || t.hasPrefix("'") { t = "\\&" + t }
        return t
    }

    static func paragraphs(_ s: String) -> String {
        s.components(separatedBy: "\n\n").map { para in
            para.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "\n")
        }.joined(separator: "\n.PP\n")
    }
}
