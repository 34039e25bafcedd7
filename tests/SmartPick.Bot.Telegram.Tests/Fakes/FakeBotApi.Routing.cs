using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace SmartPick.Bot.Telegram.Tests.Fakes;

public sealed partial class FakeBotApi
{
    private async Task HandleAsync(HttpContext context, string token, string method)
    {
        var arrived = NowMs;
        if (token != Token)
        {
            Record(new RecordedCall(method, [], 401, arrived));
            await WriteAsync(context, 401, Error(401, "Unauthorized"));
            return;
        }

        var (parameters, photoBytes) = await ReadParametersAsync(context.Request);
        if (TakeScriptedFailure(method) is { } failure)
        {
            if (failure.ErrorCode == DropConnection)
            {
                Record(new RecordedCall(method, parameters, 0, arrived));
                context.Abort(); // like a reset connection: no HTTP response at all
                return;
            }

            Record(new RecordedCall(method, parameters, failure.ErrorCode, arrived));
            if (failure.RawBody is { } raw)
            {
                // What a proxy or a half-broken server sends during an outage: an HTML page, truncated JSON.
                context.Response.StatusCode = failure.ErrorCode;
                context.Response.ContentType = failure.ContentType;
                await context.Response.WriteAsync(raw);
                return;
            }

            await WriteAsync(context, failure.ErrorCode, Error(failure.ErrorCode, failure.Description, failure.RetryAfter));
            return;
        }

        var (status, body, messageId) = method.ToLowerInvariant() switch
        {
            "getme" => (200, Ok(ToJson(Me())), (int?)null),
            "getupdates" => await GetUpdatesAsync(parameters, context.RequestAborted),
            "sendmessage" => SendMessage(parameters),
            "sendphoto" => SendPhoto(parameters, photoBytes),
            "editmessagetext" => EditMessageText(parameters),
            "editmessagereplymarkup" => EditMessageReplyMarkup(parameters),
            "answercallbackquery" => AnswerCallbackQuery(parameters),
            "setmycommands" => SetMyCommands(parameters),
            "deletewebhook" => DeleteWebhook(),
            "setwebhook" => SetWebhook(parameters),
            "sendchataction" => (200, Ok(true), null),
            "getchatmember" => GetChatMember(parameters),
            _ => (404, Error(404, "Not Found: method not found"), null),
        };

        if (method != "getUpdates" || status != 200)
        {
            Record(new RecordedCall(method, parameters, status, arrived, messageId, photoBytes));
        }

        await WriteAsync(context, status, body);
    }

    private ScriptedFailure? TakeScriptedFailure(string method)
    {
        lock (_gate)
        {
            return _failures.TryPeek(out var next) && string.Equals(next.Method, method, StringComparison.OrdinalIgnoreCase)
                ? _failures.Dequeue()
                : null;
        }
    }

    /// <summary>Like the Bot API: query string, urlencoded or multipart form, or a JSON body.</summary>
    private static async Task<(JsonObject Parameters, long? PhotoBytes)> ReadParametersAsync(HttpRequest request)
    {
        var parameters = new JsonObject();
        long? photoBytes = null;
        foreach (var (key, value) in request.Query)
        {
            parameters[key] = ParseValue(value.ToString());
        }

        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync();
            foreach (var (key, value) in form)
            {
                parameters[key] = ParseValue(value.ToString());
            }

            foreach (var file in form.Files)
            {
                var bytes = new byte[file.Length];
                await using var stream = file.OpenReadStream();
                await stream.ReadExactlyAsync(bytes);

                // The file is either the "photo" part itself or a part that "photo" names as attach://<part>.
                var attached = parameters["photo"]?.ToString() == "attach://" + file.Name;
                if (file.Name == "photo" || attached)
                {
                    parameters["photo"] = "file:" + file.FileName;
                    photoBytes = IsPng(bytes) ? bytes.Length : -1;
                }
            }
        }
        else if (request.ContentLength is > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            if (await JsonNode.ParseAsync(request.Body) is JsonObject body)
            {
                foreach (var (key, value) in body.ToList())
                {
                    body.Remove(key);
                    parameters[key] = value;
                }
            }
        }

        return (parameters, photoBytes);
    }

    // Form fields carry objects (reply_markup) as JSON text, as the Bot API expects.
    private static JsonNode? ParseValue(string value)
    {
        if (value.StartsWith('{') || value.StartsWith('['))
        {
            try
            {
                return JsonNode.Parse(value);
            }
            catch (System.Text.Json.JsonException)
            {
            }
        }

        return JsonValue.Create(value);
    }

    private static bool IsPng(byte[] bytes) =>
        bytes.Length > 8 && bytes[0] == 0x89 && bytes[1] == (byte)'P' && bytes[2] == (byte)'N' && bytes[3] == (byte)'G';
}
