/// Where a fact comes from: an article, a register, a data set.
public struct Source: Hashable, Sendable {
    public var id: String
    public var title: String
    public var publisher: String?
    public var date: PartialDate?
    public var language: String?
    public var url: String?
    public var note: String?

    public init(id: String, title: String, publisher: String? = nil, date: PartialDate? = nil,
                language: String? = nil, url: String? = nil, note: String? = nil) {
        self.id = id
        self.title = title
        self.publisher = publisher
        self.date = date
        self.language = language
        self.url = url
        self.note = note
    }
}
