// Warp-level tensor-core primitives (sm_80+ PTX, used on sm_90a): mma.sync m16n8k16 with f32
// accumulation, ldmatrix fragment loads from shared memory and cp.async global -> shared copies.
// Fragment layouts (PTX ISA, "Matrix Fragments for mma.m16n8k16"), with g = lane / 4 and
// t = lane % 4:
//   A (16 x 16, row-major): a0 = (g, 2t..2t+1), a1 = (g + 8, 2t..), a2 = (g, 8 + 2t..),
//                           a3 = (g + 8, 8 + 2t..); two 16-bit values per register.
//   B (16 x 8, k x n):      b0 = (k 2t..2t+1, n g), b1 = (k 8 + 2t.., n g).
//   C (16 x 8, f32):        c0, c1 = (g, 2t), (g, 2t + 1); c2, c3 = (g + 8, 2t), (g + 8, 2t + 1).
#pragma once

#include <cuda_bf16.h>
#include <cuda_fp16.h>

#include <cstdint>

namespace llorch {

__device__ __forceinline__ uint32_t sharedAddr(const void* p) {
  return static_cast<uint32_t>(__cvta_generic_to_shared(p));
}

// c += a . b on f16 operands.
__device__ __forceinline__ void mmaF16(float* c, const uint32_t* a, uint32_t b0, uint32_t b1) {
  asm volatile(
      "mma.sync.aligned.m16n8k16.row.col.f32.f16.f16.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, {%0,%1,%2,%3};"
      : "+f"(c[0]), "+f"(c[1]), "+f"(c[2]), "+f"(c[3])
      : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b0), "r"(b1));
}

// c += a . b on bf16 operands.
__device__ __forceinline__ void mmaBf16(float* c, const uint32_t* a, uint32_t b0, uint32_t b1) {
  asm volatile(
      "mma.sync.aligned.m16n8k16.row.col.f32.bf16.bf16.f32 {%0,%1,%2,%3}, {%4,%5,%6,%7}, {%8,%9}, {%0,%1,%2,%3};"
      : "+f"(c[0]), "+f"(c[1]), "+f"(c[2]), "+f"(c[3])
      : "r"(a[0]), "r"(a[1]), "r"(a[2]), "r"(a[3]), "r"(b0), "r"(b1));
}

// Four 8x8 16-bit matrices; lane l gives the address of row l % 8 of matrix l / 8 and receives
// its share of matrix i in r[i].
__device__ __forceinline__ void ldmatrixX4(uint32_t* r, const void* p) {
  asm volatile("ldmatrix.sync.aligned.m8n8.x4.shared.b16 {%0,%1,%2,%3}, [%4];"
               : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3])
               : "r"(sharedAddr(p)));
}

// As ldmatrixX4, each matrix transposed (a row-major [k][n] tile read as B fragments).
__device__ __forceinline__ void ldmatrixX4Trans(uint32_t* r, const void* p) {
  asm volatile("ldmatrix.sync.aligned.m8n8.x4.trans.shared.b16 {%0,%1,%2,%3}, [%4];"
               : "=r"(r[0]), "=r"(r[1]), "=r"(r[2]), "=r"(r[3])
               : "r"(sharedAddr(p)));
}

// 16 bytes global -> shared, bypassing L1; zero-filled when !valid (src is then not read).
__device__ __forceinline__ void cpAsync16(void* dst, const void* src, bool valid) {
  asm volatile("cp.async.cg.shared.global [%0], [%1], 16, %2;" ::"r"(sharedAddr(dst)), "l"(src),
               "r"(valid ? 16 : 0));
}

__device__ __forceinline__ void cpAsyncCommit() { asm volatile("cp.async.commit_group;"); }

// Bulk copies (the Hopper copy engine behind TMA) tracked by a shared-memory barrier: one thread
// starts a whole contiguous range, so a copy costs an instruction rather than one a 16 bytes.

// A barrier that completes a phase when `count` threads have arrived and the bytes they announced
// have landed; visible to the bulk copies after fenceBarrierInit.
__device__ __forceinline__ void mbarrierInit(uint64_t* bar, int count) {
  asm volatile("mbarrier.init.shared::cta.b64 [%0], %1;" ::"r"(sharedAddr(bar)), "r"(count) : "memory");
}

__device__ __forceinline__ void fenceBarrierInit() {
  asm volatile("fence.mbarrier_init.release.cluster;" ::: "memory");
}

// Orders this thread's earlier shared-memory accesses before its later bulk copies' writes.
__device__ __forceinline__ void fenceProxyAsync() { asm volatile("fence.proxy.async.shared::cta;" ::: "memory"); }

// One arrival at bar announcing `bytes` that bulk copies will land before its phase completes.
__device__ __forceinline__ void mbarrierExpect(uint64_t* bar, uint32_t bytes) {
  asm volatile("mbarrier.arrive.expect_tx.shared::cta.b64 _, [%0], %1;" ::"r"(sharedAddr(bar)), "r"(bytes)
               : "memory");
}

// bytes (a multiple of 16; src and dst 16-byte aligned) global -> shared, counted at bar (which an
// mbarrierExpect announced them to).
__device__ __forceinline__ void bulkCopy(void* dst, const void* src, uint32_t bytes, uint64_t* bar) {
  asm volatile("cp.async.bulk.shared::cluster.global.mbarrier::complete_tx::bytes [%0], [%1], %2, [%3];" ::"r"(
                   sharedAddr(dst)),
               "l"(src), "r"(bytes), "r"(sharedAddr(bar))
               : "memory");
}

// One arrival at bar with no bytes announced.
__device__ __forceinline__ void mbarrierArrive(uint64_t* bar) {
  asm volatile("mbarrier.arrive.shared::cta.b64 _, [%0];" ::"r"(sharedAddr(bar)) : "memory");
}

// Waits until bar has completed the phase of this parity (its n-th phase: n & 1).
__device__ __forceinline__ void mbarrierWait(uint64_t* bar, uint32_t parity) {
  asm volatile(
      "{\n"
      ".reg .pred done;\n"
      "WAIT:\n"
      "mbarrier.try_wait.parity.shared::cta.b64 done, [%0], %1;\n"
      "@!done bra WAIT;\n"
      "}" ::"r"(sharedAddr(bar)),
      "r"(parity)
      : "memory");
}

// As mbarrierWait, and what other blocks of the cluster stored against bar (storeRemote) is then
// visible to the calling thread.
__device__ __forceinline__ void mbarrierWaitCluster(uint64_t* bar, uint32_t parity) {
  asm volatile(
      "{\n"
      ".reg .pred done;\n"
      "WAIT:\n"
      "mbarrier.try_wait.parity.acquire.cluster.shared::cta.b64 done, [%0], %1;\n"
      "@!done bra WAIT;\n"
      "}" ::"r"(sharedAddr(bar)),
      "r"(parity)
      : "memory");
}

// The cluster barrier in two halves: every thread of the cluster arrives, and a wait returns once
// all have. Arriving orders nothing (relaxed): it publishes an mbarrier initialized before
// fenceBarrierInit to the other blocks, which may use it after their wait.
__device__ __forceinline__ void clusterArriveRelaxed() {
  asm volatile("barrier.cluster.arrive.relaxed.aligned;" ::: "memory");
}

__device__ __forceinline__ void clusterWait() { asm volatile("barrier.cluster.wait.aligned;" ::: "memory"); }

// The address of p's place in the shared memory of the cluster's block `rank`.
__device__ __forceinline__ uint32_t clusterAddr(const void* p, int rank) {
  uint32_t a;
  asm("mapa.shared::cluster.u32 %0, %1, %2;" : "=r"(a) : "r"(sharedAddr(p)), "r"(rank));
  return a;
}

// Stores v at `local`'s place in the shared memory of the cluster's block `rank`, counted (16 or 8
// bytes) at that block's barrier at `bar`'s place, whose waiters then see it (mbarrierWaitCluster).
__device__ __forceinline__ void storeRemote(float4* local, float4 v, uint64_t* bar, int rank) {
  asm volatile("st.async.shared::cluster.mbarrier::complete_tx::bytes.v4.f32 [%0], {%1, %2, %3, %4}, [%5];" ::"r"(
                   clusterAddr(local, rank)),
               "f"(v.x), "f"(v.y), "f"(v.z), "f"(v.w), "r"(clusterAddr(bar, rank))
               : "memory");
}

__device__ __forceinline__ void storeRemote(float2* local, float2 v, uint64_t* bar, int rank) {
  asm volatile("st.async.shared::cluster.mbarrier::complete_tx::bytes.v2.f32 [%0], {%1, %2}, [%3];" ::"r"(
                   clusterAddr(local, rank)),
               "f"(v.x), "f"(v.y), "r"(clusterAddr(bar, rank))
               : "memory");
}

// Waits until at most `kPending` of this thread's committed groups are still in flight.
template <int kPending>
__device__ __forceinline__ void cpAsyncWait() {
  asm volatile("cp.async.wait_group %0;" ::"n"(kPending));
}

__device__ __forceinline__ uint32_t packHalf2(float lo, float hi) {
  const __half2 h = __floats2half2_rn(lo, hi);
  return *reinterpret_cast<const uint32_t*>(&h);
}

__device__ __forceinline__ uint32_t packBf162(float lo, float hi) {
  const __nv_bfloat162 h = __floats2bfloat162_rn(lo, hi);
  return *reinterpret_cast<const uint32_t*>(&h);
}

}  // namespace llorch
