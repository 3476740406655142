// JS class wrapping one Engine. Created only by load(); token events reach JS through a
// ThreadSafeFunction that is ref'd only while sequences or forward() calls are outstanding, so an
// idle engine never keeps the process alive.
#pragma once

#include <napi.h>

#include <memory>

#include "engine/engine.h"

namespace llorch {

class EngineWrap : public Napi::ObjectWrap<EngineWrap> {
 public:
  static void Init(Napi::Env env, Napi::Object exports);
  // load(options, onEvents): Promise<EngineWrap>
  static Napi::Value Load(const Napi::CallbackInfo& info);

  explicit EngineWrap(const Napi::CallbackInfo& info);
  ~EngineWrap() override;

  // Takes ownership of a loaded engine and starts its thread (main thread).
  void Attach(Napi::Env env, std::unique_ptr<Engine> engine, Napi::Function onEvents);
  // Called on the main thread for each completed sequence or forward() request.
  void Settle(Napi::Env env, int count);
  // Releases the event TSFN once the engine thread has been joined (main thread).
  void ReleaseEvents();

 private:
  Napi::Value Submit(const Napi::CallbackInfo& info);
  Napi::Value Cancel(const Napi::CallbackInfo& info);
  Napi::Value Forward(const Napi::CallbackInfo& info);
  Napi::Value Stats(const Napi::CallbackInfo& info);
  Napi::Value Unload(const Napi::CallbackInfo& info);

  Engine& live(Napi::Env env);
  void Hold(Napi::Env env);
  void Shutdown();

  std::unique_ptr<Engine> engine_;
  Napi::ThreadSafeFunction tsfn_;
  bool tsfnActive_ = false;
  bool unloaded_ = false;
  int outstanding_ = 0;
  Napi::Env::CleanupHook<std::function<void()>> cleanup_;
  bool cleanupRegistered_ = false;
};

}  // namespace llorch
