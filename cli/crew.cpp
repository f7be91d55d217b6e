#include "crew.hpp"

#include <utility>

namespace cli {

Crew::Crew(int size) {
  for (int k = 0; k < size; ++k) threads_.emplace_back([this, k] { work(k); });
}

Crew::~Crew() {
  {
    std::unique_lock<std::mutex> lock(m_);
    ended_.wait(lock, [&] { return running_ == 0; });
    closing_ = true;
  }
  begun_.notify_all();
  for (auto& t : threads_) t.join();
}

// A crew thread: waits for each new round, does its part, says when it is done.
void Crew::work(int k) {
  long long seen = 0;
  while (true) {
    {
      std::unique_lock<std::mutex> lock(m_);
      begun_.wait(lock, [&] { return closing_ || round_ != seen; });
      if (closing_) return;
      seen = round_;
    }
    std::exception_ptr error;
    try {
      job_(k);
    } catch (...) {
      error = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(m_);
    if (error && !error_) error_ = error;
    if (--running_ == 0) ended_.notify_all();
  }
}

void Crew::start(std::function<void(int)> job) {
  {
    std::lock_guard<std::mutex> lock(m_);
    job_ = std::move(job);
    running_ = size();
    error_ = nullptr;
    ++round_;
  }
  begun_.notify_all();
}

void Crew::wait() {
  std::unique_lock<std::mutex> lock(m_);
  ended_.wait(lock, [&] { return running_ == 0; });
  if (error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

}  // namespace cli
