#include "pipeline.h"

#include <new>
#include <string>
#include <utility>

#include "check_command.h"

namespace alicert::cli {
namespace {

// Documents per batch on worker threads: enough that handing them over
// costs little next to checking them, few enough that every worker has
// batches to take.
constexpr std::size_t threaded_batch = 16;

// A batch also goes out once its documents reach this many bytes: large
// documents travel one or a few to a batch, so the bytes in flight follow
// the batches, not 16 times as many documents of up to the size limit.
constexpr std::size_t batch_bytes = std::size_t{1} << 20;

// A parser keeps the buffers of the largest document it parsed (simdjson's
// index and strings: about five times its bytes). One that parsed a larger
// document than this starts afresh once its batch is checked: otherwise
// every parser of every batch would end up holding buffers for the largest
// document of the input (with --jobs 2, 96 parsers: 460 MB over 3 MB documents).
constexpr std::size_t kept_parser_bytes = std::size_t{256} << 10;

}  // namespace

check_pipeline::check_pipeline(const record_settings& settings, std::size_t jobs, std::size_t pair_window,
                               output_sink& out, diagnostics& err)
    : settings_(settings),
      threaded_(jobs > 1),
      batch_capacity_(jobs > 1 ? threaded_batch : 1),
      max_unwritten_(4 * jobs + 4),
      out_(&out),
      err_(&err),
      pairing_(pair_window),
      window_(pair_window) {
  // The main thread checks too, whenever it would otherwise wait: N jobs
  // are the main thread and N - 1 workers, as many threads as CPUs.
  const std::size_t workers = threaded_ ? jobs - 1 : 0;
  for (std::size_t i = 0; i <= workers; ++i) makers_.emplace_back(settings_);
  // Two batches per worker keep each one busy while the main thread fills the next.
  const std::size_t batches = threaded_ ? 2 * jobs + 2 : 1;
  for (std::size_t i = 0; i < batches; ++i) {
    batches_.push_back(std::make_unique<batch>(batch_capacity_));
    free_batches_.push_back(batches_.back().get());
  }
  try {
    for (std::size_t i = 0; i < workers; ++i) workers_.emplace_back([this, i] { work(makers_[i + 1]); });
  } catch (...) {
    {
      std::lock_guard lock(mutex_);
      stop_ = true;
    }
    work_ready_.notify_all();
    for (auto& t : workers_) t.join();
    throw;
  }
}

check_pipeline::~check_pipeline() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  work_ready_.notify_all();
  for (auto& t : workers_) t.join();
}

parser& check_pipeline::parser_for_next() {
  if (current_ == nullptr) current_ = take_batch();
  return current_->parsers[current_->entries.size()];
}

void check_pipeline::add(std::string_view input, split_document& doc) {
  if (current_ == nullptr) current_ = take_batch();
  const std::size_t seq = seq_++;
  const record_place at{input, doc.index, doc.offset};
  if (const document_view* view = doc.doc.value_ptr(); view != nullptr && window_ != 0) {
    const partner_keys offered = partner_keys_offered(*view, offered_scratch_);
    if (!offered.empty()) {
      // The document borrows its chunk, which stays while the offer does.
      partner_bytes bytes = doc.bytes ? partner_bytes{doc.bytes, padded_view(doc.text.data(), doc.text.size()),
                                                      doc.bytes->capacity()}
                                      : partner_bytes::copy_of(doc.text);
      if (bytes.failed()) throw std::bad_alloc();
      pairing_.offer(seq, offered, bytes);
    }
    const partner_keys wanted = partner_keys_wanted(*view);
    if (!wanted.empty()) {
      // It waits for its window in a slot of its own, after the records before it.
      dispatch_current();
      waiting_document w{at, padded_buffer(doc.text), nullptr};
      if (w.bytes.allocation_failed()) throw std::bad_alloc();
      w.out = new_slot();
      pairing_.wait(seq, wanted, std::move(w));
      doc.bytes.reset();
      resolve(false);
      return;
    }
  }
  if (current_ == nullptr) current_ = take_batch();
  if (current_->entries.empty()) current_->out = new_slot();
  current_->entries.push_back(entry{at, std::move(doc.doc), std::move(doc.bytes), doc.text.size()});
  current_->bytes += doc.text.size();
  if (current_->entries.size() == batch_capacity_ || current_->bytes >= batch_bytes) dispatch_current();
  resolve(false);
}

void check_pipeline::drain() {
  dispatch_current();
  wait_idle();
  flush_ready();
  out_->flush();
}

void check_pipeline::finish() {
  dispatch_current();
  resolve(true);
  wait_idle();
  flush_ready();
  if (!out_->failed()) {
    std::string tail;
    if (settings_.format == output_format::table) {
      table_renderer totals(settings_.columns, settings_.warn_days);
      for (const record_maker& m : makers_) totals.add_totals(m.table());
      totals.render_totals(tail);
    } else if (settings_.format == output_format::prometheus) {
      prometheus_.finish(tail);
    }
    out_->write(tail);
  }
  out_->flush();
}

int check_pipeline::exit_status() const noexcept {
  if (errors_ || out_->failed()) return exit_errors;
  if (findings_) return exit_findings;
  return warned_ ? exit_expiring : exit_ok;
}

// Records are written as soon as they are next in order, not only when the
// main thread runs out of batches: a batch is free again once checked, so
// with workers that keep up it never would, and every record of the input
// would wait in memory. And while the oldest slot's batch is still being
// checked (one slow document), the main thread reads ahead by at most
// max_unwritten_ slots before it waits. A slot waiting for its partner does
// not hold it back: it needs the documents after it, and the window bounds it.
bool check_pipeline::room_for_slot() const noexcept {
  return order_.size() < max_unwritten_ || !order_.front()->dispatched;
}

check_pipeline::batch* check_pipeline::take_batch() {
  for (;;) {
    rethrow_failure();  // before writing: a failed batch's slot holds records cut short
    flush_ready();
    {
      std::lock_guard lock(mutex_);
      if (!free_batches_.empty() && room_for_slot()) {
        batch* b = free_batches_.back();
        free_batches_.pop_back();
        return b;
      }
    }
    if (!help()) {
      std::unique_lock lock(mutex_);
      work_done_.wait(lock, [this] {
        return (!free_batches_.empty() && (room_for_slot() || order_.front()->done)) || !tasks_.empty() || failure_;
      });
    }
  }
}

bool check_pipeline::help() {
  task t;
  {
    std::lock_guard lock(mutex_);
    if (tasks_.empty()) return false;
    t = std::move(tasks_.front());
    tasks_.pop_front();
  }
  process(t, makers_.front());
  std::lock_guard lock(mutex_);
  t.out->done = true;
  if (t.work != nullptr) free_batches_.push_back(t.work);
  --outstanding_;
  return true;
}

check_pipeline::slot* check_pipeline::new_slot() {
  slot* s = nullptr;
  if (!free_slots_.empty()) {
    s = free_slots_.back();
    free_slots_.pop_back();
  } else {
    slots_.push_back(std::make_unique<slot>());
    s = slots_.back().get();
  }
  s->records.clear();
  s->done = false;
  s->dispatched = false;
  order_.push_back(s);
  return s;
}

void check_pipeline::dispatch_current() {
  if (current_ == nullptr || current_->entries.empty()) return;
  task t;
  t.work = std::exchange(current_, nullptr);
  t.out = t.work->out;
  run(std::move(t));
}

void check_pipeline::resolve(bool end) {
  pairing_.resolve(seq_, end, [this](waiting_document&& w, partner_list&& partners, bool ambiguous) {
    task t;
    t.out = w.out;
    t.paired = std::make_unique<again>(again{std::move(w), std::move(partners), ambiguous});
    run(std::move(t));
  });
}

void check_pipeline::run(task t) {
  t.out->dispatched = true;
  if (!threaded_) {
    process(t, makers_.front());
    t.out->done = true;
    if (t.work != nullptr) free_batches_.push_back(t.work);
    flush_ready();
    return;
  }
  {
    std::lock_guard lock(mutex_);
    tasks_.push_back(std::move(t));
    ++outstanding_;
  }
  work_ready_.notify_one();
}

void check_pipeline::process(task& t, record_maker& maker) {
  if (t.work != nullptr) {
    batch& b = *t.work;
    for (std::size_t i = 0; i < b.entries.size(); ++i) {
      entry& e = b.entries[i];
      maker.make(e.at, e.doc, nullptr, false, t.out->records);
      // One job: one parser, bounded as it is. The entry's view dies with the
      // parser's buffers, unread: the entries are cleared below.
      if (threaded_ && e.size > kept_parser_bytes) b.parsers[i] = parser{};
    }
    b.entries.clear();  // the chunks they borrowed can go
    b.bytes = 0;
    b.out = nullptr;
    return;
  }
  const again& a = *t.paired;
  maker.make_again(a.doc.at, a.doc.bytes, a.partners, a.ambiguous, t.out->records);
}

void check_pipeline::work(record_maker& maker) {
  for (;;) {
    task t;
    {
      std::unique_lock lock(mutex_);
      work_ready_.wait(lock, [this] { return stop_ || !tasks_.empty(); });
      if (tasks_.empty()) return;
      t = std::move(tasks_.front());
      tasks_.pop_front();
    }
    try {
      process(t, maker);
    } catch (...) {
      std::lock_guard lock(mutex_);
      if (!failure_) failure_ = std::current_exception();
    }
    {
      std::lock_guard lock(mutex_);
      t.out->done = true;
      if (t.work != nullptr) free_batches_.push_back(t.work);
      --outstanding_;
    }
    work_done_.notify_all();
  }
}

void check_pipeline::wait_idle() {
  while (threaded_) {
    rethrow_failure();
    if (help()) continue;
    std::unique_lock lock(mutex_);
    if (outstanding_ == 0 || failure_) break;
    work_done_.wait(lock, [this] { return outstanding_ == 0 || !tasks_.empty() || failure_; });
  }
  rethrow_failure();
}

void check_pipeline::rethrow_failure() {
  std::exception_ptr failure;
  {
    std::lock_guard lock(mutex_);
    failure = failure_;
  }
  if (failure) std::rethrow_exception(failure);
}

void check_pipeline::flush_ready() {
  while (!order_.empty()) {
    slot* s = order_.front();
    {
      std::lock_guard lock(mutex_);
      if (!s->done) return;
    }
    write(*s);
    order_.pop_front();
    free_slots_.push_back(s);
  }
}

void check_pipeline::write(slot& s) {
  const rendered_records& r = s.records;
  errors_ = errors_ || r.errors;
  findings_ = findings_ || r.findings;
  warned_ = warned_ || r.warned;
  err_->write(r.err);
  if (settings_.format == output_format::prometheus)
    prometheus_.append(r.prometheus);
  else
    out_->write(r.out.view());
}

}  // namespace alicert::cli
