// `kealign align-set`: the pairs of a set aligned by a few worker threads, each pair written as
// soon as it is done; one pair's failure is recorded, not thrown.
#include "app/align_set_job.hpp"

#include <atomic>
#include <chrono>
#include <exception>
#include <filesystem>
#include <thread>

#include "app/document_folders.hpp"
#include "app/io.hpp"
#include "app/lexicon_job.hpp"
#include "kealign/error.hpp"

namespace kealign {

AlignSetSummary run_align_set_job(const AlignSetJob& job) {
  if (job.names.size() != 2) throw UsageError("align-set needs two names, e.g. ko en");
  if (job.learn_lexicon && !job.pair.lexicon.empty())
    throw UsageError("--learn-lexicon and --lexicon exclude each other");
  const auto start = std::chrono::steady_clock::now();
  const std::string extension = job.pair.presplit ? ".sents" : ".txt";
  const std::vector<std::string> folders = app_detail::pair_folders(job.root, job.names, extension);
  std::vector<std::string> outputs = {job.out_dir + "/lexicon.tsv"};
  std::vector<std::string> inputs = {job.pair.dictionary, job.pair.lexicon};
  for (const std::string& dir : folders) {
    for (const std::string& file : formats::output_files(
             job.out_dir + "/" + std::filesystem::path(dir).filename().string(), job.pair.out))
      outputs.push_back(file);
    for (const std::string& name : job.names) inputs.push_back(dir + "/" + name + extension);
  }
  refuse_output_overwriting_input(outputs, inputs);
  std::error_code ec;
  std::filesystem::create_directories(job.out_dir, ec);
  if (ec || !std::filesystem::is_directory(job.out_dir))
    throw IoError(job.out_dir,
                  "cannot create the output folder" + (ec ? ": " + ec.message() : std::string()));

  AlignSetSummary summary;
  summary.documents = folders.size();
  AlignJob pair = job.pair;
  if (job.learn_lexicon) {
    for (const std::string& dir : folders)
      if (std::filesystem::path(dir).filename() == "lexicon")
        throw InputError(dir, 0, std::string::npos,
                         "a pair named lexicon would overwrite the lexicon learnt: rename it");
    LexiconJob learn;
    learn.root = job.root;
    learn.names = job.names;
    learn.presplit = job.pair.presplit;
    learn.output = summary.lexicon = job.out_dir + "/lexicon.tsv";
    learn.skip_failed = true;  // the aligning below reports them
    // The word list is pooled with the set's links, as kealign lexicon --dict does.
    learn.dictionary = job.pair.dictionary;
    run_lexicon_job(learn);
    pair.lexicon = summary.lexicon;
  }
  formats::validate(job.pair.out);
  const AnalysisOptions options = align_analysis_options(pair);  // read once, shared read-only

  // Per folder: the links written, or the error.
  std::vector<std::size_t> links(folders.size(), 0);
  std::vector<std::string> errors(folders.size());
  std::vector<std::exception_ptr> crashes(folders.size());
  std::atomic<std::size_t> next{0};
  const auto work = [&] {
    for (std::size_t k; (k = next++) < folders.size();) {
      const std::string name = std::filesystem::path(folders[k]).filename().string();
      try {
        const Analysis a = analyze_files(folders[k] + "/" + job.names[0] + extension,
                                   folders[k] + "/" + job.names[1] + extension, options);
        const std::string stem = job.out_dir + "/" + name;
        if (job.pair.out.plain())
          write_aligned(stem + ".tsv", a);
        else
          formats::write_aligned_output(formats::output_path(stem, job.pair.out), a, job.pair.out,
                                        folders[k] + "/" + job.names[0] + extension,
                                        folders[k] + "/" + job.names[1] + extension);
        links[k] = a.alignment.size();
      } catch (const Error& e) {
        errors[k] = e.what();
        std::error_code ignored;  // an earlier run's output must not pass for this one's
        for (const std::string& file : formats::output_files(job.out_dir + "/" + name, job.pair.out))
          std::filesystem::remove(file, ignored);
      } catch (...) {
        crashes[k] = std::current_exception();  // not a bad pair: rethrown after the join
      }
    }
  };
  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t count =
      std::min<std::size_t>(job.threads ? job.threads : cores, folders.size());
  std::vector<std::thread> workers;
  for (std::size_t t = 1; t < count; ++t) workers.emplace_back(work);
  work();
  for (std::thread& w : workers) w.join();
  for (const std::exception_ptr& crash : crashes)
    if (crash) std::rethrow_exception(crash);

  for (std::size_t k = 0; k < folders.size(); ++k) {
    summary.links += links[k];
    if (!errors[k].empty()) summary.failures.push_back({folders[k], errors[k]});
  }
  summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return summary;
}

}  // namespace kealign
