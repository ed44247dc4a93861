// `kealign lexicon`: the document folders of a root read, checked and learnt from in one go.
#include "kealign/lexicon_job.hpp"

#include <chrono>
#include <filesystem>

#include "document_folders.hpp"
#include "kealign/error.hpp"
#include "kealign/io.hpp"
#include "kealign/lexicon.hpp"
#include "kealign/text.hpp"

namespace kealign {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> pair_folders(const std::string& root) {
  std::error_code ec;
  if (!fs::is_directory(root, ec)) throw IoError(root, "not a folder");
  std::vector<std::string> folders = detail::document_folders(root);
  if (folders.empty())
    throw InputError(root, 0, std::string::npos, "no document folders (one per pair) inside");
  return folders;
}

}  // namespace

LexiconSummary run_lexicon_job(const LexiconJob& job) {
  if (job.names.size() != 2) throw UsageError("lexicon needs two names, e.g. ko en");
  const auto start = std::chrono::steady_clock::now();
  const std::string extension = job.presplit ? ".sents" : ".txt";
  const std::vector<std::string> folders = pair_folders(job.root);
  // Every folder checked before the long part starts.
  for (const std::string& dir : folders)
    for (const std::string& name : job.names) {
      const std::string path = dir + "/" + name + extension;
      if (!fs::is_regular_file(path))
        throw InputError(path, 0, std::string::npos,
                         "missing: each document folder needs " + job.names[0] + extension +
                             " and " + job.names[1] + extension);
    }
  const auto read = [&](const std::string& dir, const std::string& name, Language lang) {
    Document doc = read_document(dir + "/" + name + extension);
    return job.presplit ? presplit(std::move(doc)) : split(std::move(doc), {lang});
  };
  LexiconLearner learner;
  for (const std::string& dir : folders)
    learner.add(read(dir, job.names[0], Language::kKorean),
                read(dir, job.names[1], Language::kEnglish));
  const Lexicon lexicon = learner.learn();
  write_output(job.output, lexicon.format());
  LexiconSummary s;
  s.documents = learner.documents();
  s.links = learner.links();
  s.entries = lexicon.size();
  s.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return s;
}

}  // namespace kealign
