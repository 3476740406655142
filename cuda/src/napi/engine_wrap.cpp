#include "napi/engine_wrap.h"

#include <string>
#include <utility>

#include "napi/js_convert.h"
#include "napi/js_error.h"
#include "native_error.h"

namespace llorch {

namespace {

// What the engine thread hands to the JS thread: a step's events or a forward() result.
struct Delivery {
  EngineWrap* wrap = nullptr;
  std::vector<SeqEvent> events;
  uint64_t steps = 0;
  bool isForward = false;
  std::shared_ptr<Napi::Promise::Deferred> deferred;
  std::vector<float> logits;
  const char* errorCode = nullptr;
  std::string errorMessage;
};

Napi::Object eventToJs(Napi::Env env, const SeqEvent& e) {
  Napi::Object o = Napi::Object::New(env);
  o.Set("seq", Napi::Number::New(env, static_cast<double>(e.seq)));
  Napi::Array tokens = Napi::Array::New(env, e.tokens.size());
  for (size_t i = 0; i < e.tokens.size(); i++) tokens.Set(static_cast<uint32_t>(i), e.tokens[i]);
  o.Set("tokens", tokens);
  if (!e.logprobs.empty()) {
    Napi::Array lps = Napi::Array::New(env, e.logprobs.size());
    for (size_t i = 0; i < e.logprobs.size(); i++) {
      const TokenLogprob& lp = e.logprobs[i];
      Napi::Object l = Napi::Object::New(env);
      l.Set("token", lp.token);
      l.Set("logprob", lp.logprob);
      Napi::Array top = Napi::Array::New(env, lp.top.size());
      for (size_t j = 0; j < lp.top.size(); j++) {
        Napi::Object t = Napi::Object::New(env);
        t.Set("token", lp.top[j].first);
        t.Set("logprob", lp.top[j].second);
        top.Set(static_cast<uint32_t>(j), t);
      }
      l.Set("top", top);
      lps.Set(static_cast<uint32_t>(i), l);
    }
    o.Set("logprobs", lps);
  }
  if (!e.finish.empty()) o.Set("finish", e.finish);
  if (!e.errorCode.empty()) {
    Napi::Object er = Napi::Object::New(env);
    er.Set("code", e.errorCode);
    er.Set("message", e.errorMessage);
    o.Set("error", er);
  }
  if (e.promptTokens >= 0) {
    o.Set("promptTokens", e.promptTokens);
    o.Set("prefillMs", e.prefillMs);
  }
  return o;
}

void deliver(Napi::Env env, Napi::Function onEvents, Delivery* d) {
  std::unique_ptr<Delivery> owned(d);
  if (env == nullptr) return;  // the environment is going away; nothing to tell
  if (d->isForward) {
    if (d->errorCode == nullptr) {
      Napi::Float32Array out = Napi::Float32Array::New(env, d->logits.size());
      std::copy(d->logits.begin(), d->logits.end(), out.Data());
      d->deferred->Resolve(out);
    } else {
      d->deferred->Reject(jsError(env, d->errorCode, d->errorMessage).Value());
    }
    d->wrap->Settle(env, 1);
    return;
  }
  Napi::Array arr = Napi::Array::New(env, d->events.size());
  int finished = 0;
  for (size_t i = 0; i < d->events.size(); i++) {
    arr.Set(static_cast<uint32_t>(i), eventToJs(env, d->events[i]));
    if (!d->events[i].finish.empty()) finished++;
  }
  // Settle after the listener ran, so a listener exception cannot leave the count wrong.
  try {
    onEvents.Call({arr, Napi::Number::New(env, static_cast<double>(d->steps))});
  } catch (...) {
    d->wrap->Settle(env, finished);
    throw;
  }
  d->wrap->Settle(env, finished);
}

class LoadWorker : public Napi::AsyncWorker {
 public:
  LoadWorker(Napi::Env env, EngineOptions opts, Napi::Function onEvents)
      : Napi::AsyncWorker(env), deferred_(Napi::Promise::Deferred::New(env)), opts_(std::move(opts)),
        onEvents_(Napi::Persistent(onEvents)) {}

  Napi::Promise Promise() { return deferred_.Promise(); }

  void Execute() override {
    try {
      engine_ = std::make_unique<Engine>(std::move(opts_));
    } catch (const NativeError& e) {
      code_ = e.code();
      message_ = e.what();
    } catch (const std::bad_alloc&) {
      code_ = err::kOom;
      message_ = "out of host memory while loading";
    } catch (const std::exception& e) {
      code_ = err::kInternal;
      message_ = e.what();
    }
  }

  void OnOK() override {
    Napi::Env env = Env();
    if (code_ != nullptr) {
      deferred_.Reject(jsError(env, code_, message_).Value());
      return;
    }
    try {
      Napi::Object obj = env.GetInstanceData<Napi::FunctionReference>()->New({});
      EngineWrap::Unwrap(obj)->Attach(env, std::move(engine_), onEvents_.Value());
      deferred_.Resolve(obj);
    } catch (const Napi::Error& e) {
      deferred_.Reject(e.Value());
    }
  }

 private:
  Napi::Promise::Deferred deferred_;
  EngineOptions opts_;
  Napi::FunctionReference onEvents_;
  std::unique_ptr<Engine> engine_;
  const char* code_ = nullptr;
  std::string message_;
};

class UnloadWorker : public Napi::AsyncWorker {
 public:
  UnloadWorker(Napi::Env env, std::unique_ptr<Engine> engine, Napi::Object wrap)
      : Napi::AsyncWorker(env), deferred_(Napi::Promise::Deferred::New(env)), engine_(std::move(engine)),
        wrap_(Napi::Persistent(wrap)) {}

  Napi::Promise Promise() { return deferred_.Promise(); }
  void Execute() override { engine_.reset(); }  // stops and joins the engine thread, frees memory
  void OnOK() override {
    // The engine thread is gone: no more calls into the TSFN, so it may be released; events it
    // queued before stopping (the final 'cancelled' ones) are still delivered.
    EngineWrap::Unwrap(wrap_.Value())->ReleaseEvents();
    deferred_.Resolve(Env().Undefined());
  }

 private:
  Napi::Promise::Deferred deferred_;
  std::unique_ptr<Engine> engine_;
  Napi::ObjectReference wrap_;
};

}  // namespace

void EngineWrap::Init(Napi::Env env, Napi::Object exports) {
  Napi::Function ctor = DefineClass(env, "NativeEngine",
                                    {
                                        InstanceMethod<&EngineWrap::Submit>("submit"),
                                        InstanceMethod<&EngineWrap::Cancel>("cancel"),
                                        InstanceMethod<&EngineWrap::Forward>("forward"),
                                        InstanceMethod<&EngineWrap::Stats>("stats"),
                                        InstanceMethod<&EngineWrap::Unload>("unload"),
                                    });
  // Per environment (main thread and each worker thread that loads the addon), freed with it.
  env.SetInstanceData<Napi::FunctionReference>(new Napi::FunctionReference(Napi::Persistent(ctor)));
  exports.Set("load", Napi::Function::New(env, &EngineWrap::Load, "load"));
}

Napi::Value EngineWrap::Load(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return guarded(env, [&]() -> Napi::Value {
    if (info.Length() < 2 || !info[1].IsFunction()) {
      throw NativeError(err::kBadArgument, "load(options, onEvents) needs an event listener function");
    }
    EngineOptions opts = readLoadOptions(info[0]);
    auto* worker = new LoadWorker(env, std::move(opts), info[1].As<Napi::Function>());
    Napi::Promise p = worker->Promise();
    worker->Queue();
    return p;
  });
}

EngineWrap::EngineWrap(const Napi::CallbackInfo& info) : Napi::ObjectWrap<EngineWrap>(info) {}

EngineWrap::~EngineWrap() {
  if (cleanupRegistered_) cleanup_.Remove(Env());
  Shutdown();
}

void EngineWrap::Shutdown() {
  unloaded_ = true;
  engine_.reset();
  ReleaseEvents();
}

void EngineWrap::ReleaseEvents() {
  if (tsfnActive_) {
    tsfn_.Release();
    tsfnActive_ = false;
  }
}

void EngineWrap::Attach(Napi::Env env, std::unique_ptr<Engine> engine, Napi::Function onEvents) {
  engine_ = std::move(engine);
  tsfn_ = Napi::ThreadSafeFunction::New(env, onEvents, "llorch-engine-events", 0, 1);
  tsfnActive_ = true;
  tsfn_.Unref(env);
  // On process exit without unload(): stop and join the engine thread before the env goes away.
  cleanup_ = env.AddCleanupHook(std::function<void()>([this] {
    cleanupRegistered_ = false;
    Shutdown();
  }));
  cleanupRegistered_ = true;
  Napi::ThreadSafeFunction tsfn = tsfn_;
  EngineWrap* self = this;
  engine_->start([tsfn, self](std::vector<SeqEvent>&& events, uint64_t steps) mutable {
    auto* d = new Delivery();
    d->wrap = self;
    d->events = std::move(events);
    d->steps = steps;
    if (tsfn.NonBlockingCall(d, deliver) != napi_ok) delete d;
  });
}

Engine& EngineWrap::live(Napi::Env env) {
  if (unloaded_ || !engine_) throw jsError(env, err::kUnloaded, "the engine is unloaded");
  return *engine_;
}

void EngineWrap::Hold(Napi::Env env) {
  if (outstanding_++ == 0) {
    // Keep this object and the event loop alive while the engine owes JS a result.
    Ref();
    if (tsfnActive_) tsfn_.Ref(env);
  }
}

void EngineWrap::Settle(Napi::Env env, int count) {
  if (count <= 0 || outstanding_ == 0) return;
  outstanding_ = std::max(0, outstanding_ - count);
  if (outstanding_ == 0) {
    if (tsfnActive_) tsfn_.Unref(env);
    Unref();
  }
}

Napi::Value EngineWrap::Submit(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return guarded(env, [&]() -> Napi::Value {
    Engine& e = live(env);
    if (info.Length() < 3) throw NativeError(err::kBadArgument, "submit(seq, tokens, params) takes three arguments");
    const int64_t seq = readInteger(info[0], "seq", 0, 9007199254740991);
    std::vector<int32_t> tokens = readTokens(info[1], "tokens");
    SamplingParams params = readSamplingParams(info[2]);
    e.submit(seq, std::move(tokens), std::move(params));
    Hold(env);
    return env.Undefined();
  });
}

Napi::Value EngineWrap::Cancel(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return guarded(env, [&]() -> Napi::Value {
    Engine& e = live(env);
    if (info.Length() < 1) throw NativeError(err::kBadArgument, "cancel(seq) takes one argument");
    const int64_t seq = readInteger(info[0], "seq", 0, 9007199254740991);
    return Napi::Boolean::New(env, e.cancel(seq));
  });
}

Napi::Value EngineWrap::Forward(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return guarded(env, [&]() -> Napi::Value {
    Engine& e = live(env);
    if (info.Length() < 1) throw NativeError(err::kBadArgument, "forward(tokens) takes one argument");
    std::vector<int32_t> tokens = readTokens(info[0], "tokens");
    auto deferred = std::make_shared<Napi::Promise::Deferred>(Napi::Promise::Deferred::New(env));
    Napi::ThreadSafeFunction tsfn = tsfn_;
    EngineWrap* self = this;
    e.forward(std::move(tokens), [tsfn, self, deferred](std::vector<float>&& logits, const char* code,
                                                        const std::string& message) mutable {
      auto* d = new Delivery();
      d->wrap = self;
      d->isForward = true;
      d->deferred = deferred;
      d->logits = std::move(logits);
      d->errorCode = code;
      d->errorMessage = message;
      if (tsfn.NonBlockingCall(d, deliver) != napi_ok) delete d;
    });
    Hold(env);
    return deferred->Promise();
  });
}

Napi::Value EngineWrap::Stats(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return guarded(env, [&]() -> Napi::Value {
    const EngineStats s = live(env).stats();
    Napi::Object o = Napi::Object::New(env);
    o.Set("device", s.device);
    o.Set("threads", s.threads);
    o.Set("runningSeqs", s.runningSeqs);
    o.Set("waitingSeqs", s.waitingSeqs);
    o.Set("kvBlocksTotal", s.kvBlocksTotal);
    o.Set("kvBlocksUsed", s.kvBlocksUsed);
    o.Set("kvBlockSize", s.kvBlockSize);
    o.Set("weightBytes", static_cast<double>(s.weightBytes));
    o.Set("kvBytes", static_cast<double>(s.kvBytes));
    o.Set("scratchBytes", static_cast<double>(s.scratchBytes));
    o.Set("memoryUsedBytes", static_cast<double>(s.memoryUsedBytes));
    o.Set("memoryFreeBytes", static_cast<double>(s.memoryFreeBytes));
    o.Set("steps", static_cast<double>(s.steps));
    o.Set("preemptions", static_cast<double>(s.preemptions));
    o.Set("stepShapes", s.stepShapes);
    o.Set("maxSeqs", s.maxSeqs);
    o.Set("ctx", s.ctx);
    return o;
  });
}

Napi::Value EngineWrap::Unload(const Napi::CallbackInfo& info) {
  Napi::Env env = info.Env();
  return guarded(env, [&]() -> Napi::Value {
    live(env);  // a second unload() rejects with NATIVE_ERR_UNLOADED
    unloaded_ = true;
    if (cleanupRegistered_) {
      cleanup_.Remove(env);
      cleanupRegistered_ = false;
    }
    auto* worker = new UnloadWorker(env, std::move(engine_), info.This().As<Napi::Object>());
    Napi::Promise p = worker->Promise();
    worker->Queue();
    return p;
  });
}

}  // namespace llorch
