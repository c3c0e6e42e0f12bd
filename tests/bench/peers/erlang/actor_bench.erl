%% SPDX-License-Identifier: LGPL-2.1-or-later
%% The Erlang/OTP side of the "actors" benchmark suite (tests/bench/suites/actors.py).
%%
%%   erl +S 2 -noshell -pa DIR -run actor_bench main SCENARIO N
%%
%% The same workloads as tests/bench/actor-bench.c, written with processes
%% and plain sends. It prints the same JSON fields and halts.
-module(actor_bench).
-export([main/1]).

-define(M64, 16#FFFFFFFFFFFFFFFF).
-define(FAN_IN_SENDERS, 20).

main([Scenario, NString]) ->
    N = list_to_integer(NString),
    {Elapsed, Extra} = run(Scenario, N),
    io:format("{\"scenario\": \"~s\", \"n\": ~b, \"elapsed_ns\": ~b~s, \"system\": \"erlang\", "
              "\"schedulers\": ~b}~n",
              [Scenario, N, Elapsed, Extra, erlang:system_info(schedulers_online)]),
    halt(0).

now_ns() -> erlang:monotonic_time(nanosecond).

%% A field of /proc/self/status in bytes (VmRSS, VmHWM), or -1.
proc_status_bytes(Field) ->
    {ok, Status} = file:read_file("/proc/self/status"),
    Prefix = list_to_binary(Field ++ ":"),
    Lines = binary:split(Status, <<"\n">>, [global]),
    case [L || L <- Lines, binary:longest_common_prefix([L, Prefix]) =:= byte_size(Prefix)] of
        [Line | _] ->
            Rest = binary:part(Line, byte_size(Prefix), byte_size(Line) - byte_size(Prefix)),
            [Kib | _] = string:lexemes(binary_to_list(Rest), " \t"),
            list_to_integer(Kib) * 1024;
        [] -> -1
    end.

%% Nearest rank with rounding, as the original atomr profiler (round/1 rounds
%% halves away from zero).
percentile(Sorted, Len, P) ->
    lists:nth(round(P / 100 * (Len - 1)) + 1, Sorted).

%% The 64-bit mixer of the original profiler's cpu scenario; Erlang integers
%% are unbounded, so every step masks to 64 bits.
mix(Seed) -> mix((Seed + 16#9E3779B97F4A7C15) band ?M64, 0).

mix(H, 4096) -> H;
mix(H, I) ->
    H1 = H bxor ((H * 16#BF58476D1CE4E5B9 + I) band ?M64),
    H2 = ((H1 bsl 27) band ?M64) bor (H1 bsr 37),
    mix(H2, I + 1).

spin_until(Counter, N) ->
    case counters:get(Counter, 1) < N of
        true -> erlang:yield(), spin_until(Counter, N);
        false -> ok
    end.

send_n(_Pid, _Msg, 0) -> ok;
send_n(Pid, Msg, K) -> Pid ! Msg, send_n(Pid, Msg, K - 1).

%% Counts every message into the shared counter, as the original's CountingActor.
counting(Counter) ->
    receive
        stop -> ok;
        _ -> counters:add(Counter, 1, 1), counting(Counter)
    end.

%% Counts N messages and tells Waiter.
sink(0, Waiter) -> Waiter ! done;
sink(K, Waiter) -> receive _ -> sink(K - 1, Waiter) end.

echo() ->
    receive
        {From, Ref, X} -> From ! {Ref, X}, echo();
        stop -> ok
    end.

run("tell", N) ->
    Counter = counters:new(1, [atomics]),
    Pid = spawn(fun() -> counting(Counter) end),
    Start = now_ns(),
    tell_loop(Pid, 0, N),
    spin_until(Counter, N),
    Elapsed = now_ns() - Start,
    Pid ! stop,
    {Elapsed, ""};

run("ask", N) ->
    Echo = spawn(fun echo/0),
    Start = now_ns(),
    Latencies = ask_loop(Echo, 0, N, []),
    Elapsed = now_ns() - Start,
    Echo ! stop,
    Sorted = lists:sort(Latencies),
    {Elapsed, io_lib:format(", \"p50_ns\": ~b, \"p95_ns\": ~b, \"p99_ns\": ~b",
                            [percentile(Sorted, N, 50), percentile(Sorted, N, 95),
                             percentile(Sorted, N, 99)])};

run("fanout", N) ->
    Counter = counters:new(1, [atomics]),
    RssBefore = proc_status_bytes("VmRSS"),
    Start = now_ns(),
    Pids = fanout_loop(Counter, 0, N, []),
    spin_until(Counter, N),
    Elapsed = now_ns() - Start,
    Extra = io_lib:format(", \"rss_delta_bytes\": ~b", [proc_status_bytes("VmRSS") - RssBefore]),
    [P ! stop || P <- Pids],
    {Elapsed, Extra};

run("cpu", N) ->
    Self = self(),
    Counter = counters:new(1, [atomics]),
    Pid = spawn(fun() -> cpu_actor(Counter, 0, Self) end),
    Start = now_ns(),
    tell_loop(Pid, 0, N),
    spin_until(Counter, N),
    Elapsed = now_ns() - Start,
    Pid ! {stop, Self},
    Checksum = receive {checksum, C} -> C end,
    {Elapsed, io_lib:format(", \"checksum\": ~b", [Checksum])};

run("one-way", N) ->
    Self = self(),
    Pid = spawn(fun() -> sink(N, Self) end),
    Start = now_ns(),
    send_n(Pid, msg, N),
    receive done -> ok end,
    {now_ns() - Start, ""};

%% Both processes bound to scheduler 1 (spawn_opt's scheduler option).
run("ping-pong-1", N) -> ping_pong(N, 1, 1);
%% One process bound to each scheduler.
run("ping-pong-2", N) -> ping_pong(N, 1, 2);

run("fan-in", N) ->
    Self = self(),
    PerSender = N div ?FAN_IN_SENDERS,
    Sink = spawn(fun() -> sink(PerSender * ?FAN_IN_SENDERS, Self) end),
    Senders = [spawn(fun() -> receive go -> send_n(Sink, msg, PerSender) end end)
               || _ <- lists:seq(1, ?FAN_IN_SENDERS)],
    Start = now_ns(),
    [S ! go || S <- Senders],
    receive done -> ok end,
    Elapsed = now_ns() - Start,
    {Elapsed, io_lib:format(", \"senders\": ~b, \"peak_rss_bytes\": ~b",
                            [?FAN_IN_SENDERS, proc_status_bytes("VmHWM")])};

run("skynet", N) ->
    Self = self(),
    Start = now_ns(),
    spawn(fun() -> skynet(Self, 0, N) end),
    Sum = receive {sum, S} -> S end,
    Elapsed = now_ns() - Start,
    case Sum =:= N * (N - 1) div 2 of
        true -> ok;
        false -> io:format(standard_error, "skynet: sum ~b is wrong~n", [Sum]), halt(1)
    end,
    {Elapsed, io_lib:format(", \"checksum\": ~b, \"peak_rss_bytes\": ~b",
                            [Sum, proc_status_bytes("VmHWM")])};

run("idle", N) ->
    Counter = counters:new(1, [atomics]),
    RssBefore = proc_status_bytes("VmRSS"),
    Start = now_ns(),
    Pids = idle_loop(Counter, N, []),
    spin_until(Counter, N),
    Elapsed = now_ns() - Start,
    Extra = io_lib:format(", \"rss_delta_bytes\": ~b", [proc_status_bytes("VmRSS") - RssBefore]),
    [P ! stop || P <- Pids],
    {Elapsed, Extra}.

tell_loop(_Pid, I, I) -> ok;
tell_loop(Pid, I, N) -> Pid ! I, tell_loop(Pid, I + 1, N).

ask_loop(_Echo, I, I, Acc) -> Acc;
ask_loop(Echo, I, N, Acc) ->
    T0 = now_ns(),
    Ref = make_ref(),
    Echo ! {self(), Ref, I},
    receive {Ref, I} -> ok end,
    ask_loop(Echo, I + 1, N, [now_ns() - T0 | Acc]).

fanout_loop(_Counter, I, I, Acc) -> Acc;
fanout_loop(Counter, I, N, Acc) ->
    Pid = spawn(fun() -> counting(Counter) end),
    Pid ! I,
    fanout_loop(Counter, I + 1, N, [Pid | Acc]).

idle_loop(_Counter, 0, Acc) -> Acc;
idle_loop(Counter, K, Acc) ->
    Pid = spawn(fun() -> counters:add(Counter, 1, 1), receive stop -> ok end end),
    idle_loop(Counter, K - 1, [Pid | Acc]).

%% The sum of all hashes is the checksum every peer must reproduce.
cpu_actor(Counter, Sum, Waiter) ->
    receive
        {stop, Waiter} -> Waiter ! {checksum, Sum};
        Seed ->
            Sum1 = (Sum + mix(Seed)) band ?M64,
            counters:add(Counter, 1, 1),
            cpu_actor(Counter, Sum1, Waiter)
    end.

ping_pong(N, PingScheduler, PongScheduler) ->
    Self = self(),
    Rounds = N div 2,
    Pong = spawn_opt(fun pong/0, [{scheduler, PongScheduler}]),
    Ping = spawn_opt(fun() -> receive go -> Pong ! {self(), msg}, ping(Pong, Rounds, Self) end end,
                     [{scheduler, PingScheduler}]),
    Start = now_ns(),
    Ping ! go,
    receive done -> ok end,
    Elapsed = now_ns() - Start,
    Pong ! stop,
    {Elapsed, ""}.

ping(_Pong, 1, Waiter) -> receive msg -> Waiter ! done end;
ping(Pong, K, Waiter) ->
    receive msg -> Pong ! {self(), msg}, ping(Pong, K - 1, Waiter) end.

pong() ->
    receive
        {From, Msg} -> From ! Msg, pong();
        stop -> ok
    end.

skynet(Parent, Num, 1) -> Parent ! {sum, Num};
skynet(Parent, Num, Size) ->
    Self = self(),
    Sub = Size div 10,
    [spawn(fun() -> skynet(Self, Num + I * Sub, Sub) end) || I <- lists:seq(0, 9)],
    Parent ! {sum, collect(10, 0)}.

collect(0, Sum) -> Sum;
collect(K, Sum) -> receive {sum, V} -> collect(K - 1, Sum + V) end.
