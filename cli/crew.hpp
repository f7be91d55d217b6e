// Threads that take part in one job at a time for the thread that owns them: start(job) has job(k) called for every
// k in 0..size()-1, each on a crew thread of its own, and returns at once; wait() returns when every part is done,
// and throws again what a part threw. The owner is free to do other work in between.
#pragma once
#include <condition_variable>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace cli {

class Crew {
 public:
  explicit Crew(int size);  // size >= 1 threads
  ~Crew();                  // waits for a job still running
  Crew(const Crew&) = delete;
  Crew& operator=(const Crew&) = delete;
  int size() const { return static_cast<int>(threads_.size()); }
  void start(std::function<void(int)> job);
  void wait();

 private:
  void work(int k);
  std::vector<std::thread> threads_;
  std::mutex m_;
  std::condition_variable begun_, ended_;
  std::function<void(int)> job_;
  long long round_ = 0;
  int running_ = 0;
  bool closing_ = false;
  std::exception_ptr error_;
};

}  // namespace cli
