// alicert CLI: checking the documents the splitters hand out, on N threads,
// records written in input order (report.md, --jobs, --pair-window).
//
// The main thread reads and splits: it parses each document into a parser of
// a batch (the view borrows that parser and the input's chunk, so a document
// is parsed once), and hands full batches to the workers, each with its own
// record_maker (checker, table renderer, parsers). Every batch renders into
// an output slot; slots are written in input order as they are done. A
// document that wants a partner is kept as bytes in its own slot until its
// window closes, then parsed again with its partner and checked. With N
// jobs there are N - 1 workers, and the main thread takes batches too
// whenever it would otherwise wait; with one job it does all of it itself,
// document by document.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

#include "document_splitter.h"
#include "output.h"
#include "pairing.h"
#include "record_maker.h"

namespace alicert::cli {

class check_pipeline {
 public:
  check_pipeline(const record_settings& settings, std::size_t jobs, std::size_t pair_window, output_sink& out,
                 diagnostics& err);
  ~check_pipeline();
  check_pipeline(const check_pipeline&) = delete;
  check_pipeline& operator=(const check_pipeline&) = delete;

  /// The parser to parse the next document with; waits while all are busy.
  parser& parser_for_next();
  /// Takes the next document of `input` (parsed with parser_for_next(), or
  /// an error record), which is left empty.
  void add(std::string_view input, split_document& doc);
  /// Writes every record that can be written now (before a read that may
  /// wait for its writer): waits for the documents in flight.
  void drain();
  /// The inputs are over: every waiting document is resolved, every record
  /// written, then the totals line (table) or the exposition (prometheus).
  void finish();

  /// Documents taken so far, over every input.
  [[nodiscard]] std::size_t documents() const noexcept { return seq_; }
  /// Output slots made so far (each holds the records of a batch, or of a
  /// document waiting for its partner, until they are written): bounded by
  /// the batches and the pairing window, whatever the input's length.
  [[nodiscard]] std::size_t slots_made() const noexcept { return slots_.size(); }
  /// report.md's exit status of what was written (2, then 1, then 3, then 0).
  [[nodiscard]] int exit_status() const noexcept;

 private:
  struct slot {
    rendered_records records;
    bool done{false};        // set under mutex_ by whoever made the records
    bool dispatched{false};  // its work was handed out (main thread only)
  };
  struct entry {
    record_place at;
    result<document_view> doc{document_view{}};
    std::shared_ptr<const chunk> bytes;
    std::size_t size{0};  // the document's bytes
  };
  struct batch {
    explicit batch(std::size_t capacity) : parsers(capacity) { entries.reserve(capacity); }
    std::vector<parser> parsers;  // entries[i] was parsed with parsers[i]
    std::vector<entry> entries;
    std::size_t bytes{0};  // of its entries' documents
    slot* out{nullptr};
  };
  struct waiting_document {
    record_place at;
    padded_buffer bytes;
    slot* out{nullptr};
  };
  struct again {
    waiting_document doc;
    partner_list partners;
    bool ambiguous{false};
  };
  struct task {
    batch* work{nullptr};          // a batch, or
    std::unique_ptr<again> paired;  // a document whose window closed
    slot* out{nullptr};
  };

  batch* take_batch();
  bool room_for_slot() const noexcept;
  bool help();
  slot* new_slot();
  void dispatch_current();
  void resolve(bool end);
  void run(task t);
  void process(task& t, record_maker& maker);
  void work(record_maker& maker);
  void wait_idle();
  void flush_ready();
  void write(slot& s);
  void rethrow_failure();

  record_settings settings_;
  bool threaded_;
  std::size_t batch_capacity_;
  std::size_t max_unwritten_;  // slots kept for writing before the main thread waits (threaded)
  output_sink* out_;
  diagnostics* err_;
  pairing_window<waiting_document> pairing_;
  std::vector<paired_certificate> offered_scratch_;  // what a document offers, main thread only
  std::size_t window_;
  std::size_t seq_{0};
  bool errors_{false}, findings_{false}, warned_{false};
  prometheus_writer prometheus_;

  std::deque<record_maker> makers_;  // [0] for the main thread, then one per worker
  std::vector<std::unique_ptr<batch>> batches_;
  std::vector<std::unique_ptr<slot>> slots_;
  std::vector<slot*> free_slots_;
  std::deque<slot*> order_;  // slots not yet written, in input order
  batch* current_{nullptr};

  std::mutex mutex_;
  std::condition_variable work_ready_;
  std::condition_variable work_done_;
  std::deque<task> tasks_;
  std::vector<batch*> free_batches_;
  std::size_t outstanding_{0};
  bool stop_{false};
  std::exception_ptr failure_;
  std::vector<std::thread> workers_;
};

}  // namespace alicert::cli
