"""The streaming XML reader's fast paths read what the plain ones read: lines decoded a run
at a time (a line that is not in the declared encoding still reported at its own line),
expat's handlers set by the target itself (text outside the entries, namespaced tags and
attributes), and plain-tag paths searched with findall."""

from xml.etree.ElementTree import fromstring

from kg.ingest.report import ImportReport
from kg.ingest.xmlstream import child_text, child_texts, find_all, xml_entries


def _read(path, tags=("item",)):
    report = ImportReport("test")
    root: dict[str, str] = {}
    entries = list(xml_entries(path, tags, report, what="a test file", root=root))
    return entries, report, root


def test_find_all_is_iterfind():
    elem = fromstring(
        "<e><a><b>1</b><b>2</b><c><b>x</b></c></a><a/><a><b>3</b></a><b>4</b>"
        "<d-1><e_2>5</e_2></d-1></e>")
    for path in ("a", "b", "a/b", "a/c/b", "a/x", "x/b", "*/b", ".//b", "a/b[1]", "d-1/e_2",
                 "{urn:x}a"):
        assert find_all(elem, path) == list(elem.iterfind(path)), path
    assert child_texts(elem, "a/b") == ["1", "2", "3"]
    assert child_text(elem, "a/c/b") == "x"
    assert child_text(elem, "a/x") is None


def test_lines_not_utf8_are_reported_at_their_own_line(tmp_path):
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', "<list>"]
    bad = {}
    for i in range(3000):
        name = f"N\u00e9{i}"
        if i in (5, 1500, 2999):
            name = f"CP{i}\udce9"  # written below as the single byte 0xE9
            bad[i] = len(lines) + 1
        lines.append(f"<item><name>{name}</name></item>")
    # one line longer than a read (64 KiB), a two-byte character on the boundary
    long_text = "x" * (65536 - 30) + "\u00e9" * 40
    lines.append(f"<item><name>{long_text}</name></item>")
    lines.append("</list>")
    data = "\n".join(lines).encode("utf-8", errors="surrogateescape")
    path = tmp_path / "list.xml"
    path.write_bytes(data)
    entries, report, _ = _read(path)
    names = [child_text(e, "name") for _, e in entries]
    assert len(names) == 3001
    assert names[4] == "N\u00e94" and names[5] == "CP5\u00e9" and names[2999] == "CP2999\u00e9"
    assert names[3000] == long_text
    assert [c.line for c in report.changed] == sorted(bad.values())
    assert [line for line, _ in entries][:3] == [3, 4, 5]
    assert report.skipped == []


def test_text_and_entities_outside_the_entries(tmp_path):
    path = tmp_path / "list.xml"
    path.write_text('<?xml version="1.0"?>\n<list xmlns:q="urn:q" q:when="2024" n="1">'
                    "a &amp; b &lt;\n<item q:k=\"v\" plain=\"w\"><name>A &amp; B</name>"
                    "<q:part>p</q:part></item> &#233; &amp;\n<item><name>C</name></item>"
                    "</list>\n", encoding="utf-8")
    entries, report, root = _read(path)
    assert report.skipped == [] and report.changed == []
    assert root == {"{urn:q}when": "2024", "n": "1"}
    (line1, first), (line2, second) = entries
    assert (line1, line2) == (3, 4)
    assert first.attrib == {"{urn:q}k": "v", "plain": "w"}
    assert child_text(first, "name") == "A & B"
    assert child_text(first, "part") == "p"  # tags are compared without their namespace
    assert child_text(second, "name") == "C"


def test_broken_xml_keeps_the_entries_before_it(tmp_path):
    path = tmp_path / "list.xml"
    body = "".join(f"<item><name>N{i}</name></item>\n" for i in range(2000))
    path.write_text(f'<?xml version="1.0"?>\n<list>\n{body}<item><name>x</nam></item>'
                    f"\n{body}</list>\n", encoding="utf-8")
    entries, report, _ = _read(path)
    assert len(entries) == 2000
    assert [(s.line, s.message) for s in report.skipped] == [
        (2003, "broken XML (mismatched tag); the rest of the file is not read")]
