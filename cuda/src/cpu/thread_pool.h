// A fixed pool for data-parallel loops. Workers spin briefly on an epoch counter before sleeping,
// because a decode step issues dozens of short parallel loops and a futex wake per loop would
// cost more than the loop itself on small models.
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace llorch {

class ThreadPool {
 public:
  explicit ThreadPool(int threads);
  ~ThreadPool();
  ThreadPool(const ThreadPool&) = delete;
  ThreadPool& operator=(const ThreadPool&) = delete;

  int size() const { return static_cast<int>(workers_.size()) + 1; }

  // Runs fn(task) for task in [0, tasks), spread over the pool and the calling thread; returns
  // when all are done. Called from one thread at a time.
  void run(int tasks, const std::function<void(int)>& fn);

 private:
  struct Job {
    const std::function<void(int)>* fn;
    int tasks;
    std::atomic<int> next{0};
    std::atomic<int> pending{0};
  };

  void workerLoop();
  static void drain(Job& job);

  std::vector<std::thread> workers_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::atomic<uint64_t> epoch_{0};
  std::atomic<Job*> job_{nullptr};
  // Workers inside a job; run() waits for zero so that a Job never outlives its frame in use.
  std::atomic<int> active_{0};
  std::atomic<int> sleeping_{0};
  std::atomic<bool> stop_{false};
};

}  // namespace llorch
