"""Golden fixtures for Kindling.Optim, from real PyTorch 1.13 (run with /usr/bin/python3).

Writes, next to this script under fixtures/:
  optim_trajectories.json  every optimizer x option set: 20 steps on three float32 parameters,
                           the gradient fed at each step and the parameters after it
  optim_schedulers.json    lr (and momentum / beta1) sequences of the LR schedulers
  clip_grad.json           clip_grad_norm_ (norm types 2, 1, inf, 3) and clip_grad_value_

Gradients are a fixed formula of the current parameters, grad = 2 (p - target) + noise[step],
computed by PyTorch in float32 and recorded, so the C# tests feed exactly the same gradients.
Parameter 1 gets no gradient (None) at step 7, which exercises the "skip params without grad"
rule of every optimizer. Floats are written with repr(), which round-trips float32 exactly.
"""
import json
import os

import torch

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "fixtures")
STEPS = 20
NO_GRAD_STEP = 7          # parameter 1 has grad None at this step
SHAPES = [(3, 4), (4,), (2, 10)]   # (2, 10): 20 elements, so PyTorch's vectorised path runs too


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def make_params():
    g = torch.Generator().manual_seed(1234)
    params = [torch.randn(s, generator=g) for s in SHAPES]
    targets = [torch.randn(s, generator=g) for s in SHAPES]
    noise = [[torch.randn(s, generator=g) * 0.1 for s in SHAPES] for _ in range(STEPS)]
    return params, targets, noise


OPTIMIZERS = {
    "SGD": torch.optim.SGD,
    "Adam": torch.optim.Adam,
    "AdamW": torch.optim.AdamW,
    "RMSprop": torch.optim.RMSprop,
    "Adagrad": torch.optim.Adagrad,
}

# (name, optimizer, constructor options, per-group overrides or None for one group)
CASES = [
    ("sgd_plain", "SGD", {"lr": 0.1}, None),
    ("sgd_momentum", "SGD", {"lr": 0.05, "momentum": 0.9}, None),
    ("sgd_momentum_dampening_wd", "SGD", {"lr": 0.05, "momentum": 0.9, "dampening": 0.1, "weight_decay": 0.01}, None),
    ("sgd_nesterov_wd", "SGD", {"lr": 0.05, "momentum": 0.9, "nesterov": True, "weight_decay": 0.001}, None),
    ("sgd_maximize", "SGD", {"lr": 0.01, "momentum": 0.5, "maximize": True}, None),
    ("sgd_two_groups", "SGD", {"lr": 0.1, "momentum": 0.9}, [{"lr": 0.2}, {"momentum": 0.5, "weight_decay": 0.1}]),
    ("adam_default", "Adam", {}, None),
    ("adam_lr_betas_eps", "Adam", {"lr": 0.01, "betas": (0.8, 0.99), "eps": 1e-6}, None),
    ("adam_amsgrad_wd", "Adam", {"lr": 0.01, "amsgrad": True, "weight_decay": 0.1}, None),
    ("adam_maximize", "Adam", {"lr": 0.01, "maximize": True}, None),
    ("adam_two_groups", "Adam", {"lr": 0.01}, [{}, {"lr": 0.05, "betas": (0.5, 0.9), "amsgrad": True}]),
    ("adamw_default", "AdamW", {}, None),
    ("adamw_amsgrad", "AdamW", {"lr": 0.01, "weight_decay": 0.1, "amsgrad": True}, None),
    ("adamw_maximize", "AdamW", {"lr": 0.01, "betas": (0.85, 0.95), "maximize": True}, None),
    ("rmsprop_default", "RMSprop", {}, None),
    ("rmsprop_centered", "RMSprop", {"lr": 0.01, "centered": True}, None),
    ("rmsprop_momentum_centered", "RMSprop", {"lr": 0.01, "alpha": 0.9, "eps": 1e-6, "momentum": 0.9, "centered": True}, None),
    ("rmsprop_wd_momentum_maximize", "RMSprop", {"lr": 0.005, "weight_decay": 0.1, "momentum": 0.5, "maximize": True}, None),
    ("adagrad_default", "Adagrad", {}, None),
    ("adagrad_lrdecay_wd_init", "Adagrad", {"lr": 0.1, "lr_decay": 0.01, "weight_decay": 0.1, "initial_accumulator_value": 0.1, "eps": 1e-6}, None),
    ("adagrad_maximize", "Adagrad", {"lr": 0.05, "maximize": True}, None),
]


def jsonable(v):
    return list(v) if isinstance(v, tuple) else v


def run_case(name, opt_name, options, groups):
    params0, targets, noise = make_params()
    params = [p.clone().requires_grad_(True) for p in params0]
    kwargs = dict(options)
    kwargs["foreach"] = False   # the single-tensor (for-loop) implementation
    if groups is None:
        opt = OPTIMIZERS[opt_name]([*params], **kwargs)
    else:
        # group 0: parameters 0 and 2; group 1: parameter 1
        opt = OPTIMIZERS[opt_name]([dict(params=[params[0], params[2]], **groups[0]),
                                    dict(params=[params[1]], **groups[1])], **kwargs)
    steps = []
    for step in range(STEPS):
        grads = []
        for i, p in enumerate(params):
            if i == 1 and step == NO_GRAD_STEP:
                p.grad = None
                grads.append(None)
                continue
            with torch.no_grad():
                g = (p - targets[i]) * 2.0 + noise[step][i]
            p.grad = g.clone()
            grads.append(flat(g))
        opt.step()
        steps.append({"grads": grads, "params": [flat(p) for p in params]})
    state = []
    for p in params:
        st = opt.state[p]
        state.append({k: (flat(v) if torch.is_tensor(v) else v) for k, v in sorted(st.items()) if v is not None})
    return {
        "name": name,
        "optimizer": opt_name,
        "options": {k: jsonable(v) for k, v in options.items()},
        "groups": None if groups is None else [{k: jsonable(v) for k, v in g.items()} for g in groups],
        "group_params": [[0, 1, 2]] if groups is None else [[0, 2], [1]],
        "steps": steps,
        "final_state": state,
    }


def trajectories():
    params0, _, _ = make_params()
    return {
        "torch_version": torch.__version__,
        "shapes": [list(s) for s in SHAPES],
        "no_grad_step": NO_GRAD_STEP,
        "initial": [flat(p) for p in params0],
        "cases": [run_case(*c) for c in CASES],
    }


SCHED_STEPS = 30

SCHEDULERS = [
    ("step_lr", "StepLR", {"step_size": 3, "gamma": 0.5}, "SGD"),
    ("step_lr_default_gamma", "StepLR", {"step_size": 7}, "SGD"),
    ("multistep_lr", "MultiStepLR", {"milestones": [2, 5, 5, 11], "gamma": 0.3}, "SGD"),
    ("exponential_lr", "ExponentialLR", {"gamma": 0.9}, "SGD"),
    ("cosine_annealing", "CosineAnnealingLR", {"T_max": 10}, "SGD"),
    ("cosine_annealing_eta_min", "CosineAnnealingLR", {"T_max": 7, "eta_min": 0.001}, "SGD"),
    ("one_cycle_cos", "OneCycleLR", {"max_lr": [1.0, 0.5], "total_steps": 30}, "SGD"),
    ("one_cycle_linear_three_phase", "OneCycleLR",
     {"max_lr": 0.1, "total_steps": 30, "anneal_strategy": "linear", "three_phase": True,
      "div_factor": 10.0, "final_div_factor": 100.0, "pct_start": 0.4}, "SGD"),
    ("one_cycle_adam_epochs", "OneCycleLR",
     {"max_lr": 0.01, "epochs": 5, "steps_per_epoch": 6, "base_momentum": 0.8, "max_momentum": 0.9}, "Adam"),
    ("one_cycle_no_momentum", "OneCycleLR", {"max_lr": 0.3, "total_steps": 30, "cycle_momentum": False,
                                             "pct_start": 0.25}, "SGD"),
]

METRICS = [1.0, 0.9, 0.85, 0.85, 0.86, 0.849, 0.85, 0.8499, 0.84, 0.84,
           0.841, 0.842, 0.843, 0.7, 0.7, 0.7, 0.7, 0.69995, 0.71, 0.72,
           0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6, 0.6]

PLATEAUS = [
    ("plateau_min_rel", {"factor": 0.5, "patience": 2}),
    ("plateau_max_abs_cooldown", {"mode": "max", "threshold_mode": "abs", "threshold": 0.01,
                                  "patience": 1, "cooldown": 2, "min_lr": [0.01, 0.02]}),
    ("plateau_min_eps_patience0", {"patience": 0, "cooldown": 1, "min_lr": 0.001, "eps": 1e-3, "factor": 0.3}),
    ("plateau_min_abs_threshold", {"threshold_mode": "abs", "threshold": 0.005, "patience": 1, "factor": 0.7}),
]


def sched_optimizer(kind):
    a = torch.zeros(2, requires_grad=True)
    b = torch.zeros(3, requires_grad=True)
    groups = [dict(params=[a], lr=0.1), dict(params=[b], lr=0.05)]
    if kind == "SGD":
        return torch.optim.SGD(groups, lr=0.1, momentum=0.9)
    return torch.optim.Adam(groups, lr=0.1)


def momenta(opt):
    return [g["betas"][0] if "betas" in g else g["momentum"] for g in opt.param_groups]


def schedulers():
    out = []
    for name, cls, options, kind in SCHEDULERS:
        opt = sched_optimizer(kind)
        sched = getattr(torch.optim.lr_scheduler, cls)(opt, **options)
        lrs, moms = [sched.get_last_lr()], [momenta(opt)]
        for _ in range(SCHED_STEPS):
            opt.step()
            sched.step()
            lrs.append(sched.get_last_lr())
            moms.append(momenta(opt))
        out.append({"name": name, "scheduler": cls, "optimizer": kind, "options": options,
                    "lrs": lrs, "momenta": moms})
    for name, options in PLATEAUS:
        opt = sched_optimizer("SGD")
        sched = torch.optim.lr_scheduler.ReduceLROnPlateau(opt, **options)
        lrs = [[g["lr"] for g in opt.param_groups]]
        for m in METRICS:
            opt.step()
            sched.step(m)
            lrs.append(sched._last_lr)
        out.append({"name": name, "scheduler": "ReduceLROnPlateau", "optimizer": "SGD", "options": options,
                    "metrics": METRICS, "lrs": lrs})
    return {"torch_version": torch.__version__, "group_lrs": [0.1, 0.05], "sgd_momentum": 0.9,
            "adam_betas": [0.9, 0.999], "steps": SCHED_STEPS, "cases": out}


def clip_grad():
    g = torch.Generator().manual_seed(99)
    grads0 = [torch.randn(3, 4, generator=g), torch.randn(4, generator=g) * 3.0]
    cases = []
    for max_norm, norm_type in [(1.0, 2.0), (1.0, 1.0), (0.5, float("inf")), (2.0, 3.0), (100.0, 2.0)]:
        ps = [torch.zeros_like(x, requires_grad=True) for x in grads0]
        for p, x in zip(ps, grads0):
            p.grad = x.clone()
        total = torch.nn.utils.clip_grad_norm_(ps, max_norm, norm_type)
        cases.append({"kind": "norm", "max_norm": max_norm,
                      "norm_type": "inf" if norm_type == float("inf") else norm_type,
                      "total_norm": float(total), "grads": [flat(p.grad) for p in ps]})
    for clip in [0.5, 2.0]:
        ps = [torch.zeros_like(x, requires_grad=True) for x in grads0]
        for p, x in zip(ps, grads0):
            p.grad = x.clone()
        torch.nn.utils.clip_grad_value_(ps, clip)
        cases.append({"kind": "value", "clip_value": clip, "grads": [flat(p.grad) for p in ps]})
    return {"torch_version": torch.__version__, "shapes": [[3, 4], [4]],
            "grads": [flat(x) for x in grads0], "cases": cases}


def write(name, obj):
    path = os.path.join(OUT, name)
    with open(path, "w") as f:
        json.dump(obj, f, separators=(",", ":"))
    print(path, os.path.getsize(path), "bytes")


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    torch.set_num_threads(1)
    write("optim_trajectories.json", trajectories())
    write("optim_schedulers.json", schedulers())
    write("clip_grad.json", clip_grad())
