#include <doctest/doctest.h>

#include "report/escape.h"

using namespace gdpr::report;

TEST_CASE("report::EscapeHtml leaves no markup and no invalid bytes") {
  CHECK(EscapeHtml("<script>alert('x') & \"y\"</script>") ==
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;");
  CHECK(EscapeHtml("a\x01\x1b[0m\x7f b\n") == "a[0m b\n");
  CHECK(EscapeHtml("\xFF") == "\xEF\xBF\xBD");
}

TEST_CASE("report::EscapeXml replaces characters XML 1.0 forbids") {
  CHECK(EscapeXml("a<b>&'\"") == "a&lt;b&gt;&amp;&apos;&quot;");
  CHECK(EscapeXml("x\x01y") == "x\xEF\xBF\xBDy");
  CHECK(EscapeXml("l1\nl2") == "l1\nl2");
  CHECK(EscapeXml("l1\nl2", true) == "l1&#10;l2");
}

TEST_CASE("report::EscapeMarkdown keeps a value inside its cell and out of markup") {
  CHECK(EscapeMarkdown("a | b") == "a \\| b");
  CHECK(EscapeMarkdown("*bold* _it_ `code` [l](u)") == "\\*bold\\* \\_it\\_ \\`code\\` \\[l\\](u)");
  CHECK(EscapeMarkdown("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;");
  CHECK(EscapeMarkdown("line1\nline2\r") == "line1 line2 ");
  CHECK(EscapeMarkdown("- item") == "\\- item");
  CHECK(EscapeMarkdown("12. x") == "12\\. x");
  CHECK(EscapeMarkdown("Art. 6(1)(a)") == "Art. 6(1)(a)");
  CHECK(EscapeMarkdown("# h") == "\\# h");
}

TEST_CASE("report::CsvField quotes per RFC 4180 and defuses formulas") {
  CHECK(CsvField("plain") == "plain");
  CHECK(CsvField("a,b") == "\"a,b\"");
  CHECK(CsvField("say \"hi\"") == "\"say \"\"hi\"\"\"");
  CHECK(CsvField("two\nlines") == "\"two\nlines\"");
  CHECK(CsvField("=HYPERLINK(\"x\")") == "\"'=HYPERLINK(\"\"x\"\")\"");
  CHECK(CsvField("-1") == "'-1");
  CHECK(CsvField("") == "");
}
