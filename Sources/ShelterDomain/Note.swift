/// A dated free-text note in a client's file. Medical notes are only shown to roles that may
/// read them (`Permission.readMedicalNotes`); the domain filters, not only the screen.
public struct Note: Hashable, Sendable {
    public var id: Int32
    public var clientID: ClientID
    public var category: Category
    public var text: String
    public var writtenBy: StaffID = 0
    public var writtenAt = Timestamp(milliseconds: 0)

    public init(id: Int32, clientID: ClientID, category: Category, text: String) {
        self.id = id; self.clientID = clientID; self.category = category; self.text = text
    }

    public enum Category: UInt8, Sendable, CaseIterable {
        case contact = 1, medical = 2, incident = 3, other = 4
        public var code: String {
            switch self { case .contact: "contact"; case .medical: "medical"; case .incident: "incident"; case .other: "other" }
        }
    }
}
