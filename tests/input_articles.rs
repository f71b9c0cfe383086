//! Reading articles: folders of .txt, JSONL records, stated dates, and bad
//! input that is reported by name (and line) while the rest still runs.

use actorgraph::input::{Article, Articles, InputError};
use std::fs;
use std::path::{Path, PathBuf};

/// Read everything under `paths`: the articles and the errors, in order.
fn read(paths: &[PathBuf]) -> (Vec<Article>, Vec<InputError>) {
    let mut ok = Vec::new();
    let mut bad = Vec::new();
    for r in Articles::open(paths) {
        match r {
            Ok(a) => ok.push(a),
            Err(e) => bad.push(e),
        }
    }
    (ok, bad)
}

fn ids(v: &[Article]) -> Vec<&str> {
    v.iter().map(|a| a.id.as_str()).collect()
}

fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        fs::create_dir_all(parent).unwrap();
    }
    fs::write(&p, bytes).unwrap();
    p
}

const ARTICLE: &str = "إيران تنفي إخلاء سفارتها في دمشق\nنشر في 13-06-2018\n\nنفت طهران الأنباء عن إخلاء سفارتها.";

#[test]
fn a_folder_of_txt_files() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "b_second.txt", "هاجم تنظيم داعش رتلا لقوات النظام قرب البوكمال.");
    write(d.path(), "a_first.txt", ARTICLE);
    write(d.path(), "sub/c_third.txt", "التقى لافروف نظيره الإيراني في موسكو.");
    write(d.path(), "notes.md", "not an article");
    write(d.path(), "image.png", [0x89u8, b'P', b'N', b'G', 0, 0]);
    let (ok, bad) = read(&[d.path().to_path_buf()]);
    assert!(bad.is_empty(), "{bad:?}");
    // sorted, recursive, ids are file stems, other extensions ignored
    assert_eq!(ids(&ok), vec!["a_first", "b_second", "c_third"]);
    assert_eq!(ok[0].text, ARTICLE, "the text is kept exactly as written");
    assert_eq!(ok[0].date.as_deref(), Some("2018-06-13"));
    assert_eq!(ok[1].date, None);
}

#[test]
fn the_sample_articles() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/articles");
    let (ok, bad) = read(&[dir]);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ok.len(), 5);
    assert!(ok.iter().all(|a| a.id.len() == 20 && a.text.len() > 5000));
}

#[test]
fn files_given_one_by_one_keep_their_order() {
    let d = tempfile::tempdir().unwrap();
    let z = write(d.path(), "z.txt", "نص أول");
    let a = write(d.path(), "a.txt", "نص ثان");
    let (ok, _) = read(&[z, a]);
    assert_eq!(ids(&ok), vec!["z", "a"]);
}

#[test]
fn jsonl_records() {
    let d = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"id": "art-1", "text": "أعلنت روسيا انسحاب قواتها.", "date": "2019-03-04", "title": "انسحاب", "source": "وكالة"}"#,
        r#"{"id": 42, "text": "نشر في ٧ ديسمبر ٢٠٢٤\nدخلت القوات إلى حلب."}"#,
        r#"{"text": "بلا معرف ولا تاريخ.", "extra": "ignored"}"#,
        r#"{"id": "art-4", "text": "2023.05.07 - دمشق", "date": ""}"#,
    ];
    let p = write(d.path(), "dump.jsonl", lines.join("\n") + "\n");
    let (ok, bad) = read(&[p]);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ids(&ok), vec!["art-1", "42", "dump:3", "art-4"]);
    assert_eq!(ok[0].date.as_deref(), Some("2019-03-04"), "the given date wins");
    assert_eq!(ok[0].title.as_deref(), Some("انسحاب"));
    assert_eq!(ok[0].source.as_deref(), Some("وكالة"));
    assert_eq!(ok[1].date.as_deref(), Some("2024-12-07"), "else the date the text states");
    assert_eq!(ok[1].text, "نشر في ٧ ديسمبر ٢٠٢٤\nدخلت القوات إلى حلب.");
    assert_eq!(ok[2].date, None);
    assert_eq!(ok[3].date.as_deref(), Some("2023-05-07"), "an empty given date is no date");
}

#[test]
fn jsonl_with_crlf_and_blank_lines() {
    let d = tempfile::tempdir().unwrap();
    let p = write(d.path(), "win.jsonl", "{\"id\":\"a\",\"text\":\"نص\"}\r\n\r\n   \n{\"id\":\"b\",\"text\":\"نص\"}\r\n");
    let (ok, bad) = read(&[p]);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ids(&ok), vec!["a", "b"]);
}

#[test]
fn dates_stated_in_the_text() {
    let d = tempfile::tempdir().unwrap();
    for (name, text) in [
        ("dmy", "عنوان الخبر\nنشر في 13-06-2018\nآخر تحديث 14-06-2018\nنص."),
        ("arabic_digits", "● أخبار سورية ٧ ديسمبر ٢٠٢٤\nنص."),
        ("ymd", "الأحد 2023.05.07 - دمشق\nنص."),
        ("levantine", "دمشق، 12 أيار 2019\nنص."),
        ("marker_wins", "اتفاق 1-1-2017 ثم\nتاريخ النشر: 2019/3/4\nنص."),
        ("none", "لا تاريخ هنا. قتل 2018 شخصا."),
        ("impossible", "في 45-13-2018 حدث ذلك."),
    ] {
        write(d.path(), &format!("{name}.txt"), text);
    }
    let (ok, _) = read(&[d.path().to_path_buf()]);
    let date = |id: &str| ok.iter().find(|a| a.id == id).unwrap().date.clone();
    assert_eq!(date("dmy").as_deref(), Some("2018-06-13"));
    assert_eq!(date("arabic_digits").as_deref(), Some("2024-12-07"));
    assert_eq!(date("ymd").as_deref(), Some("2023-05-07"));
    assert_eq!(date("levantine").as_deref(), Some("2019-05-12"));
    assert_eq!(date("marker_wins").as_deref(), Some("2019-03-04"));
    assert_eq!(date("none"), None);
    assert_eq!(date("impossible"), None);
}

// ------------------------------------------------------------ bad input

#[test]
fn bad_files_are_reported_by_name_and_the_rest_still_run() {
    let d = tempfile::tempdir().unwrap();
    write(d.path(), "01_good.txt", ARTICLE);
    // Windows-1256 Arabic: not UTF-8
    write(d.path(), "02_cp1256.txt", [0xC5u8, 0xED, 0xD1, 0xC7, 0xE4, b' ', b'.']);
    write(d.path(), "03_binary.txt", [0x7Fu8, b'E', b'L', b'F', 2, 1, 1, 0, 0, 0, 0xFF, 0xFE]);
    write(d.path(), "04_empty.txt", "");
    write(d.path(), "05_blank.txt", " \n\t\r\n\u{200F}");
    write(d.path(), "06_good.txt", "هاجم تنظيم داعش رتلا.");
    let (ok, bad) = read(&[d.path().to_path_buf(), d.path().join("missing.txt")]);
    assert_eq!(ids(&ok), vec!["01_good", "06_good"]);
    let msg: Vec<String> = bad.iter().map(|e| e.to_string()).collect();
    assert_eq!(bad.len(), 5, "{msg:#?}");
    let find = |name: &str| msg.iter().find(|m| m.contains(name)).unwrap_or_else(|| panic!("{name} not reported: {msg:#?}")).clone();
    assert!(find("02_cp1256.txt").contains("not valid UTF-8 at byte 0"), "{}", find("02_cp1256.txt"));
    assert!(find("02_cp1256.txt").contains("iconv"), "says what to do");
    assert!(find("03_binary.txt").contains("binary"));
    assert!(find("04_empty.txt").contains("empty"));
    assert!(find("missing.txt").contains("no such file"));
    // every error names its file with the full path
    for e in &bad {
        assert!(e.path.starts_with(d.path()), "{e}");
        assert_eq!(e.line, None);
    }
}

#[test]
fn whitespace_only_file_is_empty() {
    let d = tempfile::tempdir().unwrap();
    // whitespace, a BOM alone (Notepad), bidi marks and tatweel
    for (name, text) in [("blank", " \n\t\r\n"), ("bom", "\u{FEFF}"), ("marks", "\u{200F}\u{200E} ـ\n")] {
        let p = write(d.path(), &format!("{name}.txt"), text);
        let (ok, bad) = read(&[p]);
        assert!(ok.is_empty(), "{name}");
        assert!(bad[0].to_string().contains(&format!("{name}.txt: empty file")), "{}", bad[0]);
    }
    // but a BOM before real text is an article
    let p = write(d.path(), "bom_text.txt", "\u{FEFF}نص");
    assert_eq!(read(&[p]).0.len(), 1);
}

#[test]
fn bad_jsonl_lines_are_reported_by_line() {
    let d = tempfile::tempdir().unwrap();
    let mut bytes = Vec::new();
    bytes.extend_from_slice("{\"id\":\"ok1\",\"text\":\"نص أول\"}\n".as_bytes()); // 1
    bytes.extend_from_slice(b"this is not json\n"); // 2
    bytes.extend_from_slice(b"{\"id\":\"no_text\",\"title\":\"x\"}\n"); // 3
    bytes.extend_from_slice(b"{\"id\":\"bad_utf8\",\"text\":\"\xC5\xED\xD1\"}\n"); // 4
    bytes.extend_from_slice(b"{\"id\":\"empty\",\"text\":\"  \"}\n"); // 5
    bytes.extend_from_slice(b"[1, 2, 3]\n"); // 6
    bytes.extend_from_slice(b"{\"id\":\"num_text\",\"text\":5}\n"); // 7
    bytes.extend_from_slice(b"{\"id\":\"trunc\",\"text\":\"\xD9\x86\xD8\xB5\n"); // 8: cut off
    bytes.extend_from_slice("{\"id\":\"ok2\",\"text\":\"نص ثان\"}".as_bytes()); // 9, no final newline
    let p = write(d.path(), "mixed.jsonl", bytes);
    let (ok, bad) = read(&[p.clone()]);
    assert_eq!(ids(&ok), vec!["ok1", "ok2"]);
    let lines: Vec<Option<usize>> = bad.iter().map(|e| e.line).collect();
    assert_eq!(lines, vec![Some(2), Some(3), Some(4), Some(5), Some(6), Some(7), Some(8)], "{bad:#?}");
    for e in &bad {
        assert_eq!(e.path, p);
        assert!(e.to_string().starts_with(&format!("{}:{}: ", p.display(), e.line.unwrap())), "{e}");
    }
    assert!(bad[0].message.contains("not a JSON object"));
    assert!(bad[1].message.contains("no \"text\" field"));
    assert!(bad[2].message.contains("not valid UTF-8"));
    assert!(bad[3].message.contains("empty"));
}

#[test]
fn a_50_mb_article_with_no_line_break() {
    let d = tempfile::tempdir().unwrap();
    // ~50 MB of Arabic on one line, no stop, no newline
    let unit = "هاجمت قوات النظام مواقع تنظيم داعش قرب البوكمال وانسحبت القوات الإيرانية ";
    let n = 50 * 1024 * 1024 / unit.len() + 1;
    let text = unit.repeat(n);
    assert!(text.len() >= 50 * 1024 * 1024);
    let p = write(d.path(), "huge.txt", &text);
    write(d.path(), "small.txt", ARTICLE);
    let (ok, bad) = read(&[d.path().to_path_buf()]);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ids(&ok), vec!["huge", "small"]);
    assert_eq!(ok[0].text.len(), text.len(), "nothing lost");
    drop(p);
}

#[test]
fn a_50_mb_jsonl_record() {
    let d = tempfile::tempdir().unwrap();
    let body = "انسحبت القوات الروسية من قاعدة حميميم. ".repeat(50 * 1024 * 1024 / 70);
    let rec = serde_json::json!({"id": "big", "text": body}).to_string();
    let p = write(d.path(), "big.jsonl", format!("{rec}\n{{\"id\":\"after\",\"text\":\"نص\"}}\n"));
    let (ok, bad) = read(&[p]);
    assert!(bad.is_empty(), "{bad:?}");
    assert_eq!(ids(&ok), vec!["big", "after"]);
    assert_eq!(ok[0].text.len(), body.len());
}
