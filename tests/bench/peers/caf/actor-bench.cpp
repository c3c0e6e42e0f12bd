// SPDX-License-Identifier: LGPL-2.1-or-later
// The CAF 0.17 side of the "actors" benchmark suite (tests/bench/suites/actors.py).
//
//   caf-actor-bench SCENARIO N [CAF options, e.g. --scheduler.max-threads=2]
//
// The same workloads as tests/bench/actor-bench.c, written with CAF's own
// means: event-based actors, anon_send from plain threads, a scoped_actor
// where the main thread waits or asks. It prints the same JSON fields.
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cinttypes>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <caf/all.hpp>

using namespace caf;

using go_atom = atom_constant<atom("go")>;
using done_atom = atom_constant<atom("done")>;

namespace {

int64_t
now_ns ()
{
  return std::chrono::duration_cast<std::chrono::nanoseconds> (
           std::chrono::steady_clock::now ().time_since_epoch ()).count ();
}

// A field of /proc/self/status in bytes (VmRSS, VmHWM), or -1.
int64_t
proc_status_bytes (const char *field)
{
  std::ifstream in ("/proc/self/status");
  std::string line;
  std::string prefix = std::string (field) + ":";

  while (std::getline (in, line))
    if (line.compare (0, prefix.size (), prefix) == 0)
      return std::strtoll (line.c_str () + prefix.size (), nullptr, 10) * 1024;
  return -1;
}

// Nearest rank with rounding, as the original atomr profiler.
int64_t
percentile (const std::vector<int64_t> &sorted, double p)
{
  return sorted[static_cast<size_t> (std::llround (p / 100.0 * double (sorted.size () - 1)))];
}

// The 64-bit mixer of the original profiler's cpu scenario.
uint64_t
mix (uint64_t seed)
{
  uint64_t h = seed + 0x9E3779B97F4A7C15ull;

  for (uint64_t i = 0; i < 4096; i++)
    {
      h ^= h * 0xBF58476D1CE4E5B9ull + i;
      h = (h << 27) | (h >> 37);
    }
  return h;
}

void
spin_until (const std::atomic<uint64_t> &counter, uint64_t n)
{
  while (counter.load (std::memory_order_acquire) < n)
    std::this_thread::yield ();
}

struct Result
{
  int64_t elapsed_ns = 0;
  std::ostringstream extra;   // extra fields, each starting with ", "
};

// tell: n anon_sends of the value i to one counting actor; spin until counted.
void
scenario_tell (actor_system &sys, uint64_t n, Result &r)
{
  std::atomic<uint64_t> counter{0};
  auto counting = sys.spawn ([&counter] (event_based_actor *) -> behavior {
    return { [&counter] (uint64_t) { counter.fetch_add (1, std::memory_order_release); } };
  });
  int64_t start = now_ns ();

  for (uint64_t i = 0; i < n; i++)
    anon_send (counting, i);
  spin_until (counter, n);
  r.elapsed_ns = now_ns () - start;
  anon_send_exit (counting, exit_reason::user_shutdown);
}

// ask: n sequential request/receive round trips from a scoped_actor, each timed.
void
scenario_ask (actor_system &sys, uint64_t n, Result &r)
{
  auto echo = sys.spawn ([] (event_based_actor *) -> behavior {
    return { [] (uint64_t x) { return x; } };
  });
  scoped_actor self{sys};
  std::vector<int64_t> latencies (n);
  int64_t start = now_ns ();

  for (uint64_t i = 0; i < n; i++)
    {
      int64_t t0 = now_ns ();
      uint64_t reply = ~uint64_t{0};

      self->request (echo, infinite, i).receive (
        [&] (uint64_t x) { reply = x; },
        [&] (error &err) { std::cerr << "ask: " << sys.render (err) << "\n"; std::exit (1); });
      latencies[i] = now_ns () - t0;
      if (reply != i)
        {
          std::cerr << "ask: wrong reply\n";
          std::exit (1);
        }
    }
  r.elapsed_ns = now_ns () - start;
  std::sort (latencies.begin (), latencies.end ());
  r.extra << ", \"p50_ns\": " << percentile (latencies, 50)
          << ", \"p95_ns\": " << percentile (latencies, 95)
          << ", \"p99_ns\": " << percentile (latencies, 99);
  anon_send_exit (echo, exit_reason::user_shutdown);
}

// fanout: spawn n counting actors, send each one message, spin until all counted.
void
scenario_fanout (actor_system &sys, uint64_t n, Result &r)
{
  std::atomic<uint64_t> counter{0};
  std::vector<actor> actors;
  actors.reserve (n);   // the driver's array, allocated before measuring
  int64_t rss_before = proc_status_bytes ("VmRSS");
  int64_t start = now_ns ();

  for (uint64_t i = 0; i < n; i++)
    {
      actors.push_back (sys.spawn ([&counter] (event_based_actor *) -> behavior {
        return { [&counter] (uint64_t) { counter.fetch_add (1, std::memory_order_release); } };
      }));
      anon_send (actors.back (), i);
    }
  spin_until (counter, n);
  r.elapsed_ns = now_ns () - start;
  r.extra << ", \"rss_delta_bytes\": " << proc_status_bytes ("VmRSS") - rss_before;
  for (auto &a : actors)
    anon_send_exit (a, exit_reason::user_shutdown);
}

// cpu: n sends of seeds 0..n-1 to one actor that runs the mixer on each.
void
scenario_cpu (actor_system &sys, uint64_t n, Result &r)
{
  std::atomic<uint64_t> counter{0};
  uint64_t checksum = 0;
  auto cpu = sys.spawn ([&] (event_based_actor *) -> behavior {
    return { [&] (uint64_t seed) {
      checksum += mix (seed);
      counter.fetch_add (1, std::memory_order_release);
    } };
  });
  int64_t start = now_ns ();

  for (uint64_t i = 0; i < n; i++)
    anon_send (cpu, i);
  spin_until (counter, n);
  r.elapsed_ns = now_ns () - start;
  r.extra << ", \"checksum\": " << checksum;
  anon_send_exit (cpu, exit_reason::user_shutdown);
}

// A sink counts n messages and then tells the waiting scoped_actor.
behavior
sink (event_based_actor *self, uint64_t n, actor waiter)
{
  auto count = std::make_shared<uint64_t> (0);

  return { [=] (uint64_t) {
    if (++*count == n)
      {
        self->send (waiter, done_atom::value);
        self->quit ();
      }
  } };
}

// one-way: the main thread sends one immutable message n times to one actor.
void
scenario_one_way (actor_system &sys, uint64_t n, Result &r)
{
  scoped_actor self{sys};
  auto target = sys.spawn (sink, n, actor{self});
  message msg = make_message (uint64_t{1});
  int64_t start = now_ns ();

  for (uint64_t i = 0; i < n; i++)
    anon_send (target, msg);
  self->receive ([] (done_atom) {});
  r.elapsed_ns = now_ns () - start;
}

// ping-pong: two actors send one message back and forth; n counts both ways.
void
scenario_ping_pong (actor_system &sys, uint64_t n, Result &r)
{
  scoped_actor self{sys};
  uint64_t rounds = n / 2;
  message msg = make_message (uint64_t{1});
  auto pong = sys.spawn ([] (event_based_actor *) -> behavior {
    return { [=] (uint64_t x) { return x; } };
  });
  auto ping = sys.spawn ([=] (event_based_actor *ping_self, actor waiter) -> behavior {
    auto replies = std::make_shared<uint64_t> (0);
    return {
      [=] (go_atom) { ping_self->send (pong, msg); },
      [=] (uint64_t) {
        if (++*replies == rounds)
          ping_self->send (waiter, done_atom::value);
        else
          ping_self->send (pong, msg);
      },
    };
  }, actor{self});
  int64_t start = now_ns ();

  anon_send (ping, go_atom::value);
  self->receive ([] (done_atom) {});
  r.elapsed_ns = now_ns () - start;
  anon_send_exit (ping, exit_reason::user_shutdown);
  anon_send_exit (pong, exit_reason::user_shutdown);
}

constexpr int fan_in_senders = 20;

// fan-in: 20 sender actors each send n/20 messages to one actor, which
// counts them all (CAF mailboxes are unbounded).
void
scenario_fan_in (actor_system &sys, uint64_t n, Result &r)
{
  scoped_actor self{sys};
  uint64_t per_sender = n / fan_in_senders;
  auto target = sys.spawn (sink, per_sender * fan_in_senders, actor{self});
  message msg = make_message (uint64_t{1});
  std::vector<actor> senders;

  for (int s = 0; s < fan_in_senders; s++)
    senders.push_back (sys.spawn ([=] (event_based_actor *sender) -> behavior {
      return { [=] (go_atom) {
        for (uint64_t i = 0; i < per_sender; i++)
          sender->send (target, msg);
        sender->quit ();
      } };
    }));
  int64_t start = now_ns ();

  for (auto &s : senders)
    anon_send (s, go_atom::value);
  self->receive ([] (done_atom) {});
  r.elapsed_ns = now_ns () - start;
  r.extra << ", \"senders\": " << fan_in_senders
          << ", \"peak_rss_bytes\": " << proc_status_bytes ("VmHWM");
}

// skynet: each node gets (parent, num, size); a leaf sends num to its parent,
// an inner node spawns ten children and sends the sum of their answers.
struct skynet_state
{
  int64_t sum = 0;
  int pending = 10;
};

behavior
skynet (stateful_actor<skynet_state> *self, actor parent, int64_t num, int64_t size)
{
  if (size == 1)
    {
      self->send (parent, num);
      return {};   // an empty behaviour ends the actor
    }
  int64_t sub = size / 10;
  for (int64_t i = 0; i < 10; i++)
    self->spawn (skynet, actor{self}, num + i * sub, sub);
  return { [=] (int64_t value) {
    self->state.sum += value;
    if (--self->state.pending == 0)
      {
        self->send (parent, self->state.sum);
        self->quit ();
      }
  } };
}

void
scenario_skynet (actor_system &sys, uint64_t n, Result &r)
{
  scoped_actor self{sys};
  int64_t sum = -1;
  int64_t start = now_ns ();

  sys.spawn (skynet, actor{self}, int64_t{0}, int64_t (n));
  self->receive ([&] (int64_t value) { sum = value; });
  r.elapsed_ns = now_ns () - start;
  if (sum != int64_t (n * (n - 1) / 2))
    {
      std::cerr << "skynet: sum " << sum << " is wrong\n";
      std::exit (1);
    }
  r.extra << ", \"checksum\": " << sum
          << ", \"peak_rss_bytes\": " << proc_status_bytes ("VmHWM");
}

// idle-actor-bytes: spawn n actors that wait for a message that never comes.
void
scenario_idle (actor_system &sys, uint64_t n, Result &r)
{
  std::atomic<uint64_t> counter{0};
  std::vector<actor> actors;
  actors.reserve (n);
  int64_t rss_before = proc_status_bytes ("VmRSS");
  int64_t start = now_ns ();

  for (uint64_t i = 0; i < n; i++)
    actors.push_back (sys.spawn ([&counter] (event_based_actor *) -> behavior {
      counter.fetch_add (1, std::memory_order_release);
      return { [] (uint64_t) {} };
    }));
  spin_until (counter, n);
  r.elapsed_ns = now_ns () - start;
  r.extra << ", \"rss_delta_bytes\": " << proc_status_bytes ("VmRSS") - rss_before;
  for (auto &a : actors)
    anon_send_exit (a, exit_reason::user_shutdown);
}

} // namespace

int
main (int argc, char **argv)
{
  if (argc < 3)
    {
      std::cerr << "usage: " << argv[0] << " SCENARIO N [CAF options]\n";
      return 2;
    }
  std::string scenario = argv[1];
  uint64_t n = std::strtoull (argv[2], nullptr, 10);

  actor_system_config cfg;
  if (auto err = cfg.parse (argc - 2, argv + 2))
    {
      std::cerr << "bad CAF options: " << to_string (err) << "\n";
      return 2;
    }
  Result r;
  size_t threads;
  {
    actor_system sys{cfg};
    threads = sys.scheduler ().num_workers ();

    if (scenario == "tell")
      scenario_tell (sys, n, r);
    else if (scenario == "ask")
      scenario_ask (sys, n, r);
    else if (scenario == "fanout")
      scenario_fanout (sys, n, r);
    else if (scenario == "cpu")
      scenario_cpu (sys, n, r);
    else if (scenario == "one-way")
      scenario_one_way (sys, n, r);
    else if (scenario == "ping-pong-1" || scenario == "ping-pong-2")
      scenario_ping_pong (sys, n, r);
    else if (scenario == "fan-in")
      scenario_fan_in (sys, n, r);
    else if (scenario == "skynet")
      scenario_skynet (sys, n, r);
    else if (scenario == "idle")
      scenario_idle (sys, n, r);
    else
      {
        std::cerr << "unknown scenario " << scenario << "\n";
        return 2;
      }
    std::printf ("{\"scenario\": \"%s\", \"n\": %" PRIu64 ", \"elapsed_ns\": %" PRId64
                 "%s, \"system\": \"caf\", \"scheduler_threads\": %zu}\n",
                 scenario.c_str (), n, r.elapsed_ns, r.extra.str ().c_str (), threads);
    std::fflush (stdout);
  }
  return 0;
}
