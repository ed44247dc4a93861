// _kealign: the C++ side of the Python package kealign (python/kealign/__init__.py builds the
// user-facing functions and dataclasses on it). Every call releases the GIL while it splits, aligns
// or checks, so Python threads run pairs in parallel; results come back as plain dicts and lists.
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "app/align_job.hpp"
#include "app/formats.hpp"
#include "app/io.hpp"
#include "app/stream_job.hpp"
#include "kealign/analysis.hpp"
#include "kealign/check.hpp"
#include "kealign/dictionary.hpp"
#include "kealign/error.hpp"
#include "kealign/lexicon.hpp"
#include "kealign/segment.hpp"
#include "kealign/text.hpp"
#include "kealign/version.hpp"

namespace py = pybind11;
using namespace kealign;

namespace {

struct PyDictionary {
  std::shared_ptr<const Dictionary> ptr;
  std::string path;
};
struct PyLexicon {
  std::shared_ptr<const Lexicon> ptr;
  std::string path;
};

// One side of a pair: text in memory (segments joined by '\n' when presplit) or a file path.
struct SideInput {
  std::string value;
  bool is_path = false;
};

// Code-point offsets of byte offsets, for offsets ascending: Python indexes str by code point.
class CharOffsets {
 public:
  explicit CharOffsets(const std::string& text) : text_(text) {}
  std::size_t operator()(std::size_t byte) {
    if (byte < byte_) byte_ = chars_ = 0;  // not ascending: start again
    for (; byte_ < byte && byte_ < text_.size(); ++byte_)
      if ((static_cast<unsigned char>(text_[byte_]) & 0xC0) != 0x80) ++chars_;
    return chars_;
  }

 private:
  const std::string& text_;
  std::size_t byte_ = 0, chars_ = 0;
};

py::list segment_list(const SegmentedText& t) {
  CharOffsets offset(t.document.text);
  py::list out;
  for (std::size_t k = 0; k < t.size(); ++k) {
    const Segment& s = t.segments[k];
    const std::size_t begin = offset(s.span.begin), end = offset(s.span.end);
    out.append(py::make_tuple(std::string(t.raw(k)), begin, end, s.paragraph, s.line));
  }
  return out;
}

py::list py_split(const std::string& text, const std::string& lang, bool lines_are_segments) {
  SplitOptions options;
  options.lang = parse_language(lang);
  options.lines_are_segments = lines_are_segments;
  SegmentedText t;
  {
    py::gil_scoped_release release;
    Document doc = make_document("text", text);
    t = lines_are_segments ? presplit(std::move(doc)) : kealign::split(std::move(doc), options);
  }
  return segment_list(t);
}

struct CallOptions {
  bool presplit = false;
  std::string calibrate = "auto";
  std::optional<PyDictionary> dictionary;
  std::optional<PyLexicon> lexicon;
  bool checks = true;
  std::vector<std::string> disable;
  std::map<std::string, double> params;
  bool allow_unrelated = false;
  std::string encoding = "utf-8";
};

AnalysisOptions analysis_options(const CallOptions& c) {
  AnalysisOptions o;
  o.presplit = c.presplit;
  o.allow_unrelated = c.allow_unrelated;
  o.read.common.encoding = c.encoding;
  if (c.calibrate == "auto")
    o.align.calibration = Calibration::kAuto;
  else if (c.calibrate == "fixed")
    o.align.calibration = Calibration::kFixed;
  else
    throw UsageError("unknown calibration '" + c.calibrate + "' (use auto or fixed)");
  if (c.dictionary) o.align.dictionary = o.checks.dictionary = c.dictionary->ptr;
  if (c.lexicon) o.align.lexicon = c.lexicon->ptr;
  if (!c.checks)
    for (const auto& check : all_checks()) o.checks.disabled.insert(std::string(check->id()));
  for (const std::string& id : c.disable) o.checks.disabled.insert(id);
  for (const auto& [key, value] : c.params) o.checks.params[key] = value;
  validate_check_options(o.checks);
  return o;
}

Document side_document(const SideInput& side, const char* name, const ReadOptions& read) {
  return side.is_path ? read_document(side.value, read) : make_document(name, side.value, read);
}

py::dict analysis_dict(const Analysis& a, bool want_tsv) {
  py::dict out;
  out["ko_segments"] = segment_list(a.ko);
  out["en_segments"] = segment_list(a.en);
  const std::vector<std::string> flags = flags_per_bead(a.alignment, a.findings);
  py::list links;
  for (std::size_t k = 0; k < a.alignment.size(); ++k) {
    const Bead& b = a.alignment[k];
    std::vector<std::uint32_t> ko_ids, en_ids;
    std::string ko, en;
    for (std::uint32_t i = b.ko_begin; i < b.ko_end; ++i) {
      ko_ids.push_back(i);
      ko += (ko.empty() ? "" : " ") + a.ko.display(i);
    }
    for (std::uint32_t i = b.en_begin; i < b.en_end; ++i) {
      en_ids.push_back(i);
      en += (en.empty() ? "" : " ") + a.en.display(i);
    }
    links.append(py::make_tuple(ko_ids, en_ids, ko, en, b.confidence, flags[k]));
  }
  out["links"] = links;
  py::list findings;
  for (const Finding& f : a.findings) {
    py::list evidence;
    for (const Evidence& e : f.evidence) evidence.append(py::make_tuple(e.name, e.ko, e.en));
    findings.append(py::make_tuple(f.check, std::string(severity_name(f.severity)), f.ko_ids,
                                   f.en_ids, f.message, f.passage, f.confidence, evidence));
  }
  out["findings"] = findings;
  const Relatedness& r = a.relatedness;
  out["relatedness"] =
      py::dict(py::arg("related") = r.related, py::arg("uncertain") = r.uncertain,
               py::arg("score") = r.score, py::arg("shared_anchors") = r.shared_anchors,
               py::arg("matched_anchors") = r.matched_anchors,
               py::arg("linked_segments") = r.linked_segments,
               py::arg("unaligned_segments") = r.unaligned_segments);
  out["model"] =
      py::dict(py::arg("mean_ratio") = a.model.mean_ratio, py::arg("variance") = a.model.variance);
  if (want_tsv) {
    out["tsv"] = format_aligned_tsv(a.ko, a.en, a.alignment, flags);
  }
  return out;
}

// Splits (unless presplit), aligns (unless links are given) and checks one pair.
py::dict py_analyze(
    const SideInput& ko, const SideInput& en, const CallOptions& call,
    std::optional<std::vector<std::pair<std::vector<std::uint32_t>, std::vector<std::uint32_t>>>>
        links,
    bool want_tsv) {
  const AnalysisOptions options = analysis_options(call);
  Analysis a;
  {
    py::gil_scoped_release release;
    Document k = side_document(ko, "ko", options.read.korean());
    Document e = side_document(en, "en", options.read.english());
    if (!links) {
      a = kealign::analyze_documents(std::move(k), std::move(e), options);
    } else {
      SegmentedText ks = options.presplit ? presplit(std::move(k))
                                          : kealign::split(std::move(k), {Language::kKorean});
      SegmentedText es = options.presplit ? presplit(std::move(e))
                                          : kealign::split(std::move(e), {Language::kEnglish});
      std::vector<Link> list;
      for (auto& [kids, eids] : *links) list.push_back({std::move(kids), std::move(eids)});
      Alignment alignment = to_alignment(list, ks.size(), es.size(), "links");
      if (alignment.empty() && (ks.size() > 0 || es.size() > 0))
        throw InputError("links", 0, std::string::npos, "no links for a non-empty pair");
      a = analyze_segmented(std::move(ks), std::move(es), options, std::move(alignment));
    }
  }
  return analysis_dict(a, want_tsv);
}

// One partition of a corpus folder, written as align-set writes it: per pair folder DIR,
// OUT_DIR/NAME.tsv (atomically), or on an error no file. One call with the GIL released for the
// whole partition: per pair, Python would hold the GIL to build results nobody reads.
// Returns (links, error or "") per folder.
std::vector<std::pair<std::size_t, std::string>> py_align_folders(
    const std::vector<std::string>& folders, const std::string& out_dir, const std::string& ko_file,
    const std::string& en_file, const CallOptions& call) {
  const AnalysisOptions options = analysis_options(call);
  std::vector<std::pair<std::size_t, std::string>> out(folders.size());
  py::gil_scoped_release release;
  for (std::size_t k = 0; k < folders.size(); ++k) {
    const std::string target =
        out_dir + "/" + std::filesystem::path(folders[k]).filename().string() + ".tsv";
    try {
      const Analysis a =
          analyze_files(folders[k] + "/" + ko_file, folders[k] + "/" + en_file, options);
      write_new_file(target, format_aligned_tsv(a.ko, a.en, a.alignment,
                                                flags_per_bead(a.alignment, a.findings)));
      out[k].first = a.alignment.size();
    } catch (const Error& e) {
      out[k].second = e.what();
      std::error_code ignored;  // an earlier run's output must not pass for this one's
      std::filesystem::remove(target, ignored);
    }
  }
  return out;
}

// Lines of JSON Lines pairs turned into kealign stream's records, byte for byte (one worker
// thread: a Dask worker runs one partition per thread). first_line numbers data's first line;
// source names the input in errors. Returns (records, links, input lines of failed records).
py::tuple py_stream_records(const std::string& data, const std::string& source,
                            std::size_t first_line, const CallOptions& call) {
  const AnalysisOptions options = analysis_options(call);
  StreamJob job;
  job.pair.presplit = options.presplit;
  job.pair.read = options.read;
  job.analysis = &options;
  job.input_format = "jsonl";
  job.source_name = source;
  job.first_line = first_line;
  job.threads = 1;
  std::istringstream in{data};
  std::ostringstream out;
  StreamSummary s;
  {
    py::gil_scoped_release release;
    s = run_stream_job(job, in, out);
  }
  return py::make_tuple(py::bytes(out.str()), s.links, s.failed_lines);
}

py::list check_ids() {
  py::list out;
  for (const auto& check : all_checks()) {
    py::list params;
    for (const CheckParameter& p : check->parameters())
      params.append(py::make_tuple(std::string(p.name), p.fallback, std::string(p.description)));
    out.append(py::make_tuple(std::string(check->id()), std::string(check->description()), params));
  }
  return out;
}

}  // namespace

PYBIND11_MODULE(_kealign, m) {
  m.doc() = "kealign's C++ core (use the kealign package)";
  m.attr("__version__") = std::string(kealign::version());

  py::class_<PyDictionary>(m, "Dictionary")
      .def(py::init([](const std::string& path) {
             py::gil_scoped_release release;
             return PyDictionary{Dictionary::read(path), path};
           }),
           py::arg("path"))
      .def_readonly("path", &PyDictionary::path)
      .def("__len__", [](const PyDictionary& d) { return d.ptr->rows().size(); });
  py::class_<PyLexicon>(m, "Lexicon")
      .def(py::init([](const std::string& path) {
             py::gil_scoped_release release;
             return PyLexicon{Lexicon::read(path), path};
           }),
           py::arg("path"))
      .def_readonly("path", &PyLexicon::path)
      .def("__len__", [](const PyLexicon& l) { return l.ptr->size(); });
  py::class_<SideInput>(m, "Side").def(py::init([](std::string value, bool is_path) {
                                         return SideInput{std::move(value), is_path};
                                       }),
                                       py::arg("value"), py::arg("is_path") = false);
  py::class_<CallOptions>(m, "Options")
      .def(py::init<>())
      .def_readwrite("presplit", &CallOptions::presplit)
      .def_readwrite("calibrate", &CallOptions::calibrate)
      .def_readwrite("dictionary", &CallOptions::dictionary)
      .def_readwrite("lexicon", &CallOptions::lexicon)
      .def_readwrite("checks", &CallOptions::checks)
      .def_readwrite("disable", &CallOptions::disable)
      .def_readwrite("params", &CallOptions::params)
      .def_readwrite("allow_unrelated", &CallOptions::allow_unrelated)
      .def_readwrite("encoding", &CallOptions::encoding);

  m.def("split", &py_split, py::arg("text"), py::arg("lang"),
        py::arg("lines_are_segments") = false);
  m.def("analyze", &py_analyze, py::arg("ko"), py::arg("en"), py::arg("options"),
        py::arg("links") = py::none(), py::arg("want_tsv") = false);
  m.def("align_folders", &py_align_folders, py::arg("folders"), py::arg("out_dir"),
        py::arg("ko_file"), py::arg("en_file"), py::arg("options"));
  m.def("stream_records", &py_stream_records, py::arg("data"), py::arg("source"),
        py::arg("first_line"), py::arg("options"));
  m.def("checks", &check_ids);

  // kealign's errors become the package's exception classes (kealign/errors.py), carrying the
  // file, line and byte an InputError names.
  py::register_exception_translator([](std::exception_ptr p) {
    try {
      if (p) std::rethrow_exception(p);
    } catch (const InputError& e) {
      py::object cls = py::module_::import("kealign.errors").attr("InputError");
      const py::object line = e.line() == 0 ? py::none() : py::object(py::int_(e.line()));
      const py::object byte =
          e.byte() == std::string::npos ? py::none() : py::object(py::int_(e.byte()));
      py::object err = cls(e.what(), e.file(), line, byte, e.problem());
      PyErr_SetObject(cls.ptr(), err.ptr());
    } catch (const UsageError& e) {
      py::object cls = py::module_::import("kealign.errors").attr("UsageError");
      PyErr_SetObject(cls.ptr(), cls(e.what()).ptr());
    } catch (const IoError& e) {
      py::object cls = py::module_::import("kealign.errors").attr("IoError");
      PyErr_SetObject(cls.ptr(), cls(e.what()).ptr());
    } catch (const Error& e) {
      py::object cls = py::module_::import("kealign.errors").attr("Error");
      PyErr_SetObject(cls.ptr(), cls(e.what()).ptr());
    }
  });
}
