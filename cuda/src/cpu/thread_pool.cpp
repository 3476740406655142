#include "cpu/thread_pool.h"

#if defined(__x86_64__) || defined(_M_X64)
#include <immintrin.h>
#define LLORCH_PAUSE() _mm_pause()
#else
#define LLORCH_PAUSE() std::this_thread::yield()
#endif

namespace llorch {

namespace {
// A few tens of microseconds of spinning before a worker sleeps: long enough to bridge the gap
// between two ops of one step, short enough not to steal a shared core while the engine idles.
constexpr int kSpinIterations = 2000;
}  // namespace

ThreadPool::ThreadPool(int threads) {
  for (int i = 1; i < threads; i++) workers_.emplace_back([this] { workerLoop(); });
}

ThreadPool::~ThreadPool() {
  {
    std::lock_guard<std::mutex> lock(mu_);
    stop_.store(true);
    epoch_.fetch_add(1);
  }
  cv_.notify_all();
  for (auto& w : workers_) w.join();
}

void ThreadPool::drain(Job& job) {
  for (;;) {
    const int t = job.next.fetch_add(1);
    if (t >= job.tasks) break;
    (*job.fn)(t);
    job.pending.fetch_sub(1);
  }
}

void ThreadPool::run(int tasks, const std::function<void(int)>& fn) {
  if (tasks <= 0) return;
  if (workers_.empty() || tasks == 1) {
    for (int t = 0; t < tasks; t++) fn(t);
    return;
  }
  Job job;
  job.fn = &fn;
  job.tasks = tasks;
  job.pending.store(tasks);
  job_.store(&job);
  {
    std::lock_guard<std::mutex> lock(mu_);
    epoch_.fetch_add(1);
  }
  if (sleeping_.load() > 0) cv_.notify_all();
  drain(job);
  while (job.pending.load() > 0) LLORCH_PAUSE();
  job_.store(nullptr);
  while (active_.load() > 0) LLORCH_PAUSE();
}

void ThreadPool::workerLoop() {
  uint64_t seen = 0;
  for (;;) {
    int spins = 0;
    while (epoch_.load() == seen && spins < kSpinIterations) {
      LLORCH_PAUSE();
      spins++;
    }
    if (epoch_.load() == seen) {
      std::unique_lock<std::mutex> lock(mu_);
      sleeping_.fetch_add(1);
      cv_.wait(lock, [&] { return epoch_.load() != seen; });
      sleeping_.fetch_sub(1);
    }
    seen = epoch_.load();
    if (stop_.load()) return;
    active_.fetch_add(1);
    Job* job = job_.load();
    if (job != nullptr) drain(*job);
    active_.fetch_sub(1);
  }
}

}  // namespace llorch
