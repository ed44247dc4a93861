// `kealign stream`: a reader thread takes lines while fewer than `window` records are in flight,
// worker threads turn each into its output line, and the calling thread writes them in input
// order, flushing each.
#include "app/stream_job.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <deque>
#include <exception>
#include <istream>
#include <map>
#include <mutex>
#include <ostream>
#include <thread>
#include <vector>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "app/formats.hpp"
#include "kealign/analysis.hpp"
#include "kealign/error.hpp"
#include "kealign/text.hpp"

namespace kealign {
namespace {

// Records in flight per worker thread by default. Output is written in input order, so one long
// pair holds back the records after it: with 4 a thread the second worker of 2 idled behind the
// LibreOffice set's 40 KB pages (1.90x simulated from per-record CPU times), with 16 it keeps
// working (1.96x); records are small beside the memory each alignment takes.
constexpr std::size_t kWindowPerThread = 16;

using Json = nlohmann::ordered_json;

// A record that cannot be analysed: its message names the input line.
struct RecordError {
  std::string message;
};

double rounded(double x, double scale = 1e4) {
  return std::round(x * scale) / scale;
}

std::string decode_base64(std::string_view in, const std::string& column) {
  static const auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  out.reserve(in.size() / 4 * 3);
  unsigned bits = 0;
  int count = 0;
  std::size_t k = 0;
  for (; k < in.size() && in[k] != '='; ++k) {
    const int v = value(in[k]);
    if (v < 0) throw RecordError{fmt::format("{}: not base64 at byte {}", column, k)};
    bits = (bits << 6) | static_cast<unsigned>(v);
    count += 6;
    if (count >= 8) {
      count -= 8;
      out += static_cast<char>((bits >> count) & 0xFF);
    }
  }
  for (; k < in.size(); ++k)
    if (in[k] != '=') throw RecordError{fmt::format("{}: not base64 at byte {}", column, k)};
  return out;
}

// What a record asks for: each side as text, a file, or a list of segments.
struct Side {
  std::string text;
  std::string path;
  bool segments = false;  // text is the segments joined by '\n' (a JSON array)
};

struct Request {
  Json head = Json::object();  // id and the copied fields, in input order
  Side ko, en;
};

Side json_side(const Json& record, const char* text_key, const char* path_key) {
  Side side;
  const auto text = record.find(text_key);
  const auto path = record.find(path_key);
  if (text != record.end() && path != record.end())
    throw RecordError{fmt::format("both \"{}\" and \"{}\"", text_key, path_key)};
  if (path != record.end()) {
    if (!path->is_string() || path->get_ref<const std::string&>().empty())
      throw RecordError{fmt::format("\"{}\" must be a non-empty string", path_key)};
    side.path = path->get<std::string>();
  } else if (text == record.end()) {
    throw RecordError{fmt::format("no \"{}\" nor \"{}\"", text_key, path_key)};
  } else if (text->is_string()) {
    side.text = text->get<std::string>();
  } else if (text->is_array()) {
    side.segments = true;
    for (std::size_t k = 0; k < text->size(); ++k) {
      const Json& s = (*text)[k];
      if (!s.is_string()) throw RecordError{fmt::format("\"{}\"[{}] is not a string", text_key, k)};
      const std::string& segment = s.get_ref<const std::string&>();
      if (segment.find_first_of("\r\n") != std::string::npos)
        throw RecordError{fmt::format("\"{}\"[{}] holds a line break", text_key, k)};
      if (k > 0) side.text += '\n';
      side.text += segment;
    }
  } else {
    throw RecordError{fmt::format("\"{}\" must be a string or an array of strings", text_key)};
  }
  return side;
}

Request parse_json(const std::string& line) {
  Json record;
  try {
    record = Json::parse(line);
  } catch (const Json::parse_error& e) {
    throw RecordError{fmt::format("malformed JSON: {}", e.what())};
  }
  if (!record.is_object()) throw RecordError{"not a JSON object"};
  Request r;
  r.ko = json_side(record, "ko", "ko_path");
  r.en = json_side(record, "en", "en_path");
  if (const auto id = record.find("id"); id != record.end()) r.head["id"] = *id;
  for (auto it = record.begin(); it != record.end(); ++it)
    if (it.key() != "id" && it.key() != "ko" && it.key() != "en" && it.key() != "ko_path" &&
        it.key() != "en_path")
      r.head[it.key()] = it.value();
  return r;
}

// The TSV header: where each column the job reads is (npos when absent).
struct Columns {
  std::vector<std::string> names;
  std::size_t ko = std::string::npos, en = std::string::npos;
  std::size_t ko_path = std::string::npos, en_path = std::string::npos;
  std::size_t id = std::string::npos;
};

Columns parse_header(const std::string& header, const StreamJob& job) {
  Columns c;
  for (std::string_view cell : tab_cells(header)) c.names.emplace_back(cell);
  for (std::size_t k = 0; k < c.names.size(); ++k) {
    const std::string& n = c.names[k];
    if (n == job.ko_column) c.ko = k;
    if (n == job.en_column) c.en = k;
    if (n == job.ko_path_column) c.ko_path = k;
    if (n == job.en_path_column) c.en_path = k;
    if (n == job.id_column) c.id = k;
  }
  const auto missing = [&](std::size_t text, std::size_t path, const std::string& text_name,
                           const std::string& path_name) {
    if (text == std::string::npos && path == std::string::npos)
      throw UsageError(fmt::format("{}:1: the TSV header has neither a {} nor a {} column: {}",
                                   job.source_name, text_name, path_name, header));
  };
  missing(c.ko, c.ko_path, job.ko_column, job.ko_path_column);
  missing(c.en, c.en_path, job.en_column, job.en_path_column);
  return c;
}

Request parse_tsv(const std::string& line, const Columns& c, bool base64) {
  const std::vector<std::string_view> cells = tab_cells(line);
  if (cells.size() != c.names.size())
    throw RecordError{
        fmt::format("{} cells where the header has {}", cells.size(), c.names.size())};
  Request r;
  const auto side = [&](std::size_t text, std::size_t path) {
    Side s;
    if (text != std::string::npos) {
      const std::string& name = c.names[text];
      s.text = base64 ? decode_base64(cells[text], name) : unescape_tsv(cells[text]);
    } else {
      s.path = std::string(cells[path]);
      if (s.path.empty()) throw RecordError{fmt::format("empty {}", c.names[path])};
    }
    return s;
  };
  r.ko = side(c.ko, c.ko_path);
  r.en = side(c.en, c.en_path);
  if (c.id != std::string::npos) r.head["id"] = std::string(cells[c.id]);
  for (std::size_t k = 0; k < cells.size(); ++k)
    if (k != c.ko && k != c.en && k != c.ko_path && k != c.en_path && k != c.id)
      r.head[c.names[k]] = std::string(cells[k]);
  return r;
}

Json ids(std::uint32_t begin, std::uint32_t end) {
  Json out = Json::array();
  for (std::uint32_t k = begin; k < end; ++k) out.push_back(k);
  return out;
}

Json flag_list(const std::string& cell) {
  Json out = Json::array();
  std::size_t start = 0;
  while (start < cell.size()) {
    const std::size_t comma = std::min(cell.find(',', start), cell.size());
    out.push_back(cell.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

void add_results(Json& record, const Analysis& a) {
  const Relatedness& r = a.relatedness;
  record["ko_segments"] = a.ko.size();
  record["en_segments"] = a.en.size();
  record["relatedness"] = {{"related", r.related},
                           {"uncertain", r.uncertain},
                           {"score", rounded(r.score, 1e3)},
                           {"shared_anchors", rounded(r.shared_anchors, 1e3)},
                           {"matched_anchors", rounded(r.matched_anchors, 1e3)},
                           {"linked_segments", r.linked_segments},
                           {"unaligned_segments", r.unaligned_segments}};
  const std::vector<std::string> flags = flags_per_bead(a.alignment, a.findings);
  Json links = Json::array();
  for (std::size_t k = 0; k < a.alignment.size(); ++k) {
    const Bead& b = a.alignment[k];
    links.push_back({{"ko_ids", ids(b.ko_begin, b.ko_end)},
                     {"en_ids", ids(b.en_begin, b.en_end)},
                     {"ko", joined_display(a.ko, b.ko_begin, b.ko_end)},
                     {"en", joined_display(a.en, b.en_begin, b.en_end)},
                     {"confidence", rounded(b.confidence)},
                     {"flags", flag_list(flags[k])}});
  }
  record["links"] = std::move(links);
  Json findings = Json::array();
  for (const Finding& f : a.findings) {
    Json evidence = Json::array();
    for (const Evidence& e : f.evidence)
      evidence.push_back({{"name", e.name}, {"ko", e.ko}, {"en", e.en}});
    findings.push_back({{"check", f.check},
                        {"severity", std::string(severity_name(f.severity))},
                        {"confidence", rounded(f.confidence, 1e2)},  // as `check --format json`
                        {"ko_ids", f.ko_ids},
                        {"en_ids", f.en_ids},
                        {"message", f.message},
                        {"passage", f.passage},
                        {"evidence", std::move(evidence)}});
  }
  record["findings"] = std::move(findings);
}

// The record of add_results appended to `head` and serialised, written straight into a string:
// building the tree of a page's links and findings and then walking it cost twice as much. The
// bytes are those of record.dump() (every scalar goes through the library's own serialiser), which
// only holds while `head` has none of the keys the record adds; callers check that (direct_ok).
class RecordWriter {
 public:
  explicit RecordWriter(std::string& out)
      : out_(out),
        json_(nlohmann::detail::output_adapter<char>(out), ' ', Json::error_handler_t::replace) {}

  // Opens the record with head's fields.
  void open(const Json& head) {
    json_.dump(head, false, false, 0);
    out_.pop_back();  // the closing brace
    first_ = head.empty();
  }
  void close() { out_ += '}'; }
  // A field of the open object; keys are constants without characters to escape.
  void key(const char* name) {
    if (!first_) out_ += ',';
    first_ = false;
    out_ += '"';
    out_ += name;
    out_ += "\":";
  }
  template <typename T>
  void field(const char* name, const T& value) {
    key(name);
    scalar(value);
  }
  void scalar(const std::string& s) {
    if (!escape_valid(s)) json_.dump(Json(s), false, false, 0);
  }
  void scalar(bool b) { out_ += b ? "true" : "false"; }
  void scalar(std::size_t n) { json_.dump(Json(n), false, false, 0); }
  void scalar(double x) { json_.dump(Json(x), false, false, 0); }
  void ids(std::uint32_t begin, std::uint32_t end) {
    out_ += '[';
    for (std::uint32_t k = begin; k < end; ++k) {
      if (k > begin) out_ += ',';
      out_ += std::to_string(k);
    }
    out_ += ']';
  }
  void ids(const std::vector<std::uint32_t>& list) {
    out_ += '[';
    for (std::size_t k = 0; k < list.size(); ++k) {
      if (k > 0) out_ += ',';
      out_ += std::to_string(list[k]);
    }
    out_ += ']';
  }
  // An object inside the open one: fields follow until end_object.
  void begin_object() {
    out_ += '{';
    first_ = true;
  }
  void end_object() {
    out_ += '}';
    first_ = false;
  }

 private:
  // Appends s as a JSON string, as the serialiser writes it (named escapes, \u00xx for other
  // control characters, everything else as is) when s is well-formed UTF-8; returns false and
  // appends nothing otherwise (the serialiser then replaces what is invalid). Copying runs of
  // plain bytes at once costs a fraction of the serialiser's per-byte decoding.
  bool escape_valid(std::string_view s) {
    if (!is_utf8(s)) return false;  // what the serialiser accepts
    out_ += '"';
    std::size_t run = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
      const auto c = static_cast<unsigned char>(s[i]);
      if (c >= 0x20 && c != '"' && c != '\\') continue;
      out_.append(s.data() + run, i - run);
      run = i + 1;
      switch (c) {
        case '"':
          out_ += "\\\"";
          break;
        case '\\':
          out_ += "\\\\";
          break;
        case '\b':
          out_ += "\\b";
          break;
        case '\f':
          out_ += "\\f";
          break;
        case '\n':
          out_ += "\\n";
          break;
        case '\r':
          out_ += "\\r";
          break;
        case '\t':
          out_ += "\\t";
          break;
        default: {
          static constexpr char kHex[] = "0123456789abcdef";
          const char u[] = {'\\', 'u', '0', '0', kHex[c >> 4], kHex[c & 0xF]};
          out_.append(u, sizeof u);
        }
      }
    }
    out_.append(s.data() + run, s.size() - run);
    out_ += '"';
    return true;
  }

  std::string& out_;
  nlohmann::detail::serializer<Json> json_;
  bool first_ = true;
};

// Whether RecordWriter writes the bytes of add_results and dump for this head.
bool direct_ok(const Json& head) {
  for (const char* k :
       {"line", "status", "ko_segments", "en_segments", "relatedness", "links", "findings"})
    if (head.contains(k)) return false;
  return head.is_object();
}

// add_results and the fields before it, written by RecordWriter.
void write_record(std::string& out, const Json& head, std::size_t line_no, const Analysis& a) {
  RecordWriter w(out);
  w.open(head);
  w.field("line", line_no);
  w.field("status", std::string("ok"));
  w.field("ko_segments", a.ko.size());
  w.field("en_segments", a.en.size());
  const Relatedness& r = a.relatedness;
  w.key("relatedness");
  w.begin_object();
  w.field("related", r.related);
  w.field("uncertain", r.uncertain);
  w.field("score", rounded(r.score, 1e3));
  w.field("shared_anchors", rounded(r.shared_anchors, 1e3));
  w.field("matched_anchors", rounded(r.matched_anchors, 1e3));
  w.field("linked_segments", r.linked_segments);
  w.field("unaligned_segments", r.unaligned_segments);
  w.end_object();
  const std::vector<std::string> flags = flags_per_bead(a.alignment, a.findings);
  w.key("links");
  out += '[';
  for (std::size_t k = 0; k < a.alignment.size(); ++k) {
    const Bead& b = a.alignment[k];
    if (k > 0) out += ',';
    w.begin_object();
    w.key("ko_ids");
    w.ids(b.ko_begin, b.ko_end);
    w.key("en_ids");
    w.ids(b.en_begin, b.en_end);
    w.field("ko", joined_display(a.ko, b.ko_begin, b.ko_end));
    w.field("en", joined_display(a.en, b.en_begin, b.en_end));
    w.field("confidence", rounded(b.confidence));
    w.key("flags");
    out += '[';
    const std::string& cell = flags[k];
    for (std::size_t start = 0; start < cell.size();) {
      const std::size_t comma = std::min(cell.find(',', start), cell.size());
      if (start > 0) out += ',';
      w.scalar(cell.substr(start, comma - start));
      start = comma + 1;
    }
    out += ']';
    w.end_object();
  }
  out += ']';
  w.key("findings");
  out += '[';
  for (std::size_t k = 0; k < a.findings.size(); ++k) {
    const Finding& f = a.findings[k];
    if (k > 0) out += ',';
    w.begin_object();
    w.field("check", f.check);
    w.field("severity", std::string(severity_name(f.severity)));
    w.field("confidence", rounded(f.confidence, 1e2));
    w.key("ko_ids");
    w.ids(f.ko_ids);
    w.key("en_ids");
    w.ids(f.en_ids);
    w.field("message", f.message);
    w.field("passage", f.passage);
    w.key("evidence");
    out += '[';
    for (std::size_t e = 0; e < f.evidence.size(); ++e) {
      if (e > 0) out += ',';
      w.begin_object();
      w.field("name", f.evidence[e].name);
      w.field("ko", f.evidence[e].ko);
      w.field("en", f.evidence[e].en);
      w.end_object();
    }
    out += ']';
    w.end_object();
  }
  out += ']';
  w.close();
}

struct Outcome {
  std::string line;  // the output record with its '\n'
  bool failed = false;
  std::size_t links = 0;
};

class Processor {
 public:
  Processor(const StreamJob& job, bool tsv, Columns columns)
      : job_(job), tsv_(tsv), columns_(std::move(columns)) {
    // The dictionary and lexicon, read once.
    options_ = job.analysis ? *job.analysis : align_analysis_options(job.pair);
    segments_options_ = options_;
    segments_options_.presplit = true;
  }

  Outcome run(std::size_t line_no, const std::string& line) const {
    Outcome o;
    Json record = Json::object();
    Json head = Json::object();
    std::string error;
    try {
      if (line.empty()) throw RecordError{"empty line"};
      Request r = tsv_ ? parse_tsv(line, columns_, job_.base64) : parse_json(line);
      head = std::move(r.head);
      const Analysis a = analyze_request(r);
      o.links = a.alignment.size();
      if (direct_ok(head)) {
        write_record(o.line, head, line_no, a);
        o.line += '\n';
        return o;
      }
      record = std::move(head);
      record["line"] = line_no;
      record["status"] = "ok";
      add_results(record, a);
    } catch (const RecordError& e) {
      error = e.message;
    } catch (const Error& e) {
      error = e.what();
    }
    if (!error.empty()) {
      o.failed = true;
      record = std::move(head);
      record["line"] = line_no;
      record["status"] = "error";
      record["error"] = fmt::format("{}:{}: {}", job_.source_name, line_no, error);
    }
    o.line = record.dump(-1, ' ', false, Json::error_handler_t::replace);
    o.line += '\n';
    return o;
  }

 private:
  Document document(const Side& side, const char* name, const ReadOptions& read) const {
    if (!side.path.empty()) return read_document(side.path, read);
    return make_document(name, side.text, read);
  }

  Analysis analyze_request(const Request& r) const {
    Document ko = document(r.ko, "ko", job_.pair.read.korean());
    Document en = document(r.en, "en", job_.pair.read.english());
    if (ko.body().find_first_not_of(" \t\r\n") == std::string_view::npos &&
        en.body().find_first_not_of(" \t\r\n") == std::string_view::npos)
      throw RecordError{"both sides are empty"};
    const bool segments = r.ko.segments || r.en.segments;
    if (segments && !(r.ko.segments && r.en.segments) && !job_.pair.presplit)
      throw RecordError{"one side is a list of segments, the other is not (use --presplit)"};
    return analyze_documents(std::move(ko), std::move(en), segments ? segments_options_ : options_);
  }

  const StreamJob& job_;
  bool tsv_;
  Columns columns_;
  AnalysisOptions options_;
  AnalysisOptions segments_options_;
};

void strip_cr(std::string& line) {
  if (!line.empty() && line.back() == '\r') line.pop_back();
}

}  // namespace

StreamSummary run_stream_job(const StreamJob& job, std::istream& in, std::ostream& out,
                             std::ostream* progress, std::size_t input_bytes) {
  const auto start = std::chrono::steady_clock::now();
  if (job.input_format != "auto" && job.input_format != "jsonl" && job.input_format != "tsv")
    throw UsageError("unknown input format '" + job.input_format + "' (use jsonl, tsv or auto)");

  // std::cin is tied to std::cout: every read would flush the output from the reader thread while
  // the writer writes it. Untied for the run.
  struct Untie {
    std::istream& in;
    std::ostream* tied = in.tie(nullptr);
    ~Untie() { in.tie(tied); }
  } untie{in};

  // The first line decides the format (auto) and is the TSV header.
  std::string first;
  const bool have_first = static_cast<bool>(std::getline(in, first));
  strip_cr(first);
  bool tsv = job.input_format == "tsv";
  if (job.input_format == "auto")
    tsv = have_first && !first.empty() && first.find_first_not_of(" \t") != std::string::npos &&
          first[first.find_first_not_of(" \t")] != '{';
  Columns columns;
  bool pending_first = have_first;
  std::atomic<std::size_t> bytes_read{have_first ? first.size() + 1 : 0};
  if (tsv && have_first) {
    columns = parse_header(first, job);
    pending_first = false;
  } else if (tsv) {
    return {};  // no header, no records
  }
  const Processor processor(job, tsv, std::move(columns));

  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const unsigned threads = job.threads ? job.threads : cores;
  const std::size_t window = job.window ? job.window : kWindowPerThread * threads;
  const std::size_t first_line = job.first_line ? job.first_line : (tsv ? 2 : 1);

  std::mutex m;
  std::condition_variable work_ready, result_ready, space_ready;
  std::deque<std::pair<std::size_t, std::string>> queue;  // (sequence, line) not yet taken
  std::map<std::size_t, Outcome> done;                    // finished, not yet written
  std::size_t read = 0, written = 0;
  bool end = false, abort = false;
  std::exception_ptr crash;

  const auto fail = [&](std::exception_ptr e) {
    std::lock_guard<std::mutex> lock(m);
    if (!crash) crash = e;
    abort = true;
    work_ready.notify_all();
    result_ready.notify_all();
    space_ready.notify_all();
  };
  std::thread reader([&] {
    try {
      std::string line;
      for (;;) {
        if (pending_first) {
          line = std::move(first);
          pending_first = false;
        } else if (!std::getline(in, line)) {
          break;
        } else {
          bytes_read += line.size() + 1;
          strip_cr(line);
        }
        std::unique_lock<std::mutex> lock(m);
        space_ready.wait(lock, [&] { return abort || read - written < window; });
        if (abort) return;
        queue.emplace_back(read++, std::move(line));
        work_ready.notify_one();
      }
      std::lock_guard<std::mutex> lock(m);
      end = true;
      work_ready.notify_all();
      result_ready.notify_all();
    } catch (...) {
      fail(std::current_exception());
    }
  });
  const auto work = [&] {
    try {
      for (;;) {
        std::pair<std::size_t, std::string> task;
        {
          std::unique_lock<std::mutex> lock(m);
          work_ready.wait(lock, [&] { return abort || end || !queue.empty(); });
          if (abort || queue.empty()) return;
          task = std::move(queue.front());
          queue.pop_front();
        }
        Outcome o = processor.run(first_line + task.first, task.second);
        std::lock_guard<std::mutex> lock(m);
        done.emplace(task.first, std::move(o));
        result_ready.notify_all();
      }
    } catch (...) {
      fail(std::current_exception());
    }
  };
  std::vector<std::thread> workers;
  for (unsigned t = 0; t < threads; ++t) workers.emplace_back(work);

  StreamSummary summary;
  auto last_progress = start;
  const auto show_progress = [&](bool final) {
    const auto now = std::chrono::steady_clock::now();
    if (!final && now - last_progress < std::chrono::milliseconds(500)) return;
    last_progress = now;
    const double seconds = std::chrono::duration<double>(now - start).count();
    const double rate = seconds > 0 ? static_cast<double>(summary.records) / seconds : 0;
    std::string line = fmt::format("\rkealign stream: {} records, {} failed, {:.0f} records/s",
                                   summary.records, summary.failed, rate);
    const std::size_t consumed = bytes_read;  // read by the reader; an estimate is enough
    if (!final && input_bytes > 0 && consumed > 0 && consumed < input_bytes && seconds > 1) {
      const double left =
          seconds * static_cast<double>(input_bytes - consumed) / static_cast<double>(consumed);
      line += fmt::format(", about {:.0f} s left", left);
    }
    *progress << line << "    " << (final ? "\n" : "") << std::flush;
  };

  try {
    for (;;) {
      Outcome o;
      {
        std::unique_lock<std::mutex> lock(m);
        result_ready.wait(
            lock, [&] { return abort || done.count(written) > 0 || (end && written == read); });
        if (abort || done.count(written) == 0) break;
        o = std::move(done.at(written));
        done.erase(written);
      }
      out << o.line << std::flush;
      if (!out) throw IoError("<stdout>", "write failed");
      ++summary.records;
      if (o.failed) {
        ++summary.failed;
        summary.failed_lines.push_back(first_line + written);
      }
      summary.links += o.links;
      {
        std::lock_guard<std::mutex> lock(m);
        ++written;
        space_ready.notify_one();
      }
      if (progress && job.progress) show_progress(false);
    }
  } catch (...) {
    fail(std::current_exception());
  }
  {
    std::lock_guard<std::mutex> lock(m);
    end = true;
    work_ready.notify_all();
  }
  for (std::thread& w : workers) w.join();
  reader.join();
  if (crash) std::rethrow_exception(crash);
  if (progress && job.progress) show_progress(true);
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace kealign
