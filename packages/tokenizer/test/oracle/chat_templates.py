"""Expected Qwen2.5 chat renderings, from transformers' apply_chat_template.

Writes test/fixtures/qwen2.5-chat-templates.json: for each case the messages, tools and
add_generation_prompt flag, the rendered text, and the ids transformers' tokenizer gives that
text (special tokens parsed, nothing added). Run from the repository root:

    pip install transformers tokenizers jinja2
    python packages/tokenizer/test/oracle/chat_templates.py

The model directory (../shared/models/qwen2.5-0.5b-instruct) has vocab.json + merges.txt but no
tokenizer.json; transformers builds the tokenizer from those.
"""

import json
import pathlib

import transformers
from transformers import AutoTokenizer

REPO = pathlib.Path(__file__).resolve().parents[4]
MODEL_DIR = REPO.parent / "shared" / "models" / "qwen2.5-0.5b-instruct"
OUT = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "qwen2.5-chat-templates.json"

WEATHER_TOOL = {
    "type": "function",
    "function": {
        "name": "get_weather",
        "description": "Current weather for a city; temperatures in °C.",
        "parameters": {
            "type": "object",
            "properties": {
                "city": {"type": "string", "description": "City name, e.g. Zürich"},
                "unit": {"type": "string", "enum": ["celsius", "fahrenheit"]},
            },
            "required": ["city"],
        },
    },
}

CASES = [
    {
        "name": "single user turn, default system prompt",
        "messages": [{"role": "user", "content": "Hello!"}],
        "add_generation_prompt": True,
    },
    {
        "name": "own system prompt",
        "messages": [
            {"role": "system", "content": "You answer in French."},
            {"role": "user", "content": "What is the capital of Italy?"},
        ],
        "add_generation_prompt": True,
    },
    {
        "name": "multi-turn, no generation prompt",
        "messages": [
            {"role": "user", "content": "Count to three."},
            {"role": "assistant", "content": "1, 2, 3."},
            {"role": "user", "content": "Now backwards, with émojis 🚀."},
            {"role": "assistant", "content": "3, 2, 1 🚀"},
        ],
        "add_generation_prompt": False,
    },
    {
        "name": "multi-turn with system, generation prompt",
        "messages": [
            {"role": "system", "content": "Be brief."},
            {"role": "user", "content": "Hi"},
            {"role": "assistant", "content": "Hello."},
            {"role": "user", "content": "Line one\nline two\n\n  indented"},
        ],
        "add_generation_prompt": True,
    },
    {
        "name": "tools offered",
        "messages": [{"role": "user", "content": "Weather in Zürich?"}],
        "tools": [WEATHER_TOOL],
        "add_generation_prompt": True,
    },
    {
        "name": "tools with own system prompt, call and tool result",
        "messages": [
            {"role": "system", "content": "You are a weather bot."},
            {"role": "user", "content": "Weather in Zürich and Paris?"},
            {
                "role": "assistant",
                "content": "",
                "tool_calls": [
                    {
                        "type": "function",
                        "function": {"name": "get_weather", "arguments": {"city": "Zürich"}},
                    },
                    {
                        "type": "function",
                        "function": {
                            "name": "get_weather",
                            "arguments": {"city": "Paris", "unit": "celsius"},
                        },
                    },
                ],
            },
            {"role": "tool", "content": '{"temperature": 21}'},
            {"role": "tool", "content": '{"temperature": 25}'},
        ],
        "tools": [WEATHER_TOOL],
        "add_generation_prompt": True,
    },
]


def main() -> None:
    tokenizer = AutoTokenizer.from_pretrained(str(MODEL_DIR))
    results = []
    for case in CASES:
        text = tokenizer.apply_chat_template(
            case["messages"],
            tools=case.get("tools"),
            add_generation_prompt=case["add_generation_prompt"],
            tokenize=False,
        )
        ids = tokenizer(text, add_special_tokens=False)["input_ids"]
        results.append({**case, "text": text, "ids": ids})
    OUT.parent.mkdir(parents=True, exist_ok=True)
    fixture = {
        "generator": "packages/tokenizer/test/oracle/chat_templates.py",
        "transformers_version": transformers.__version__,
        "tokenizer_class": type(tokenizer).__name__,
        "cases": results,
    }
    OUT.write_text(json.dumps(fixture, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(f"wrote {len(results)} cases to {OUT}")


if __name__ == "__main__":
    main()
