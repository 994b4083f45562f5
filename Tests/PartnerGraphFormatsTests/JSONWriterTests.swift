import Testing
@testable import PartnerGraphFormats

/// The one JSON writer: its compact form, null and unsigned values, and the script-safe quoting
/// the HTML report embeds its data with.
@Suite struct JSONWriterTests {
    @Test func compactAndScriptSafe() {
        let value = OutputValue.mapping([("a", .list([.integer(1), .null, .unsigned(UInt64.max)], inline: false)),
                                         ("b", .string("</script><![CDATA[&]]>")), ("c", .number(.nan))])
        #expect(JSONWriter.compact(value) == #"{"a":[1,null,18446744073709551615],"b":"</script><![CDATA[&]]>","c":null}"#)
        #expect(JSONWriter.compact(value, scriptSafe: true)
                == #"{"a":[1,null,18446744073709551615],"b":"\u003c/script\u003e\u003c![CDATA[\u0026]]\u003e","c":null}"#)
        #expect(JSONWriter.write(.mapping([("x", .boolean(true))])) == "{\n  \"x\": true\n}\n")
    }
}
