using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Coordination.Contracts;
using Coordination.EventLog.Access;

namespace Coordination.EventLog.Tests;

public partial class RedactionTests
{
    /// <summary>Keys that hold personal data wherever they appear in an event (a company's <c>name</c> is not one).</summary>
    private static readonly HashSet<string> PersonalKeys = ["fullName", "nik", "birthDate", "phone", "familyContact", "causeOfDeath"];

    public static TheoryData<string> Goldens() =>
        [.. Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "golden"), "*.json").Select(f => Path.GetFileNameWithoutExtension(f))];

    [Theory]
    [MemberData(nameof(Goldens))]
    public void A_redacted_golden_example_holds_no_personal_value_and_no_NIK(string type)
    {
        var golden = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", type + ".json"));
        var classification = ContractJson.NameOf(IntegrationEvents.Classification(IntegrationEvents.All.Single(c => IntegrationEvents.CloudEventType(c) == type)));

        var redacted = Redaction.Redact(type, classification, golden).Data?.ToJsonString() ?? "null";

        foreach (var value in PersonalValues(JsonNode.Parse(golden)))
            Assert.DoesNotContain($"\"{value}\"", redacted, StringComparison.Ordinal);
        Assert.DoesNotMatch(SixteenDigits(), redacted);
    }

    [Fact]
    public void A_registration_keeps_what_is_not_personal()
    {
        var golden = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "golden", "coordination.worker-registry.worker-registered.v1.json"));

        var (redacted, any) = Redaction.Redact("coordination.worker-registry.worker-registered.v1", "personal", golden);

        Assert.True(any);
        Assert.NotNull(redacted);

        Assert.Null(redacted["nik"]);
        Assert.Null(redacted["fullName"]);
        Assert.Null(redacted["birthDate"]);
        Assert.Equal(JsonNode.Parse(golden)!["workerId"]!.GetValue<string>(), redacted["workerId"]!.GetValue<string>());
        Assert.Equal(JsonNode.Parse(golden)!["originRegion"]!.GetValue<string>(), redacted["originRegion"]!.GetValue<string>());
    }

    [Fact]
    public void A_correction_nulls_only_the_personal_fields_it_corrects()
    {
        const string data = """{"workerId":"0193a000-0000-7000-8000-000000000001","newValues":{"fullName":"A B","nik":"5301061203980001","originRegion":"53.01.09"},"reason":"r","correctedBy":"x","correctedAt":"2026-11-23T08:00:00+08:00"}""";

        var redacted = Redaction.Redact("coordination.worker-registry.worker-record-corrected.v1", "personal", data).Data!;

        var values = redacted["newValues"]!.AsObject();
        Assert.Null(values["fullName"]);
        Assert.Null(values["nik"]);
        Assert.Equal("53.01.09", values["originRegion"]!.GetValue<string>());
    }

    [Fact]
    public void The_data_of_a_personal_event_of_a_type_this_build_does_not_know_is_withheld()
    {
        Assert.Equal((null, true), Redaction.Redact("coordination.somewhere.something-new.v1", "personal", """{"fullName":"A"}"""));
        Assert.NotNull(Redaction.Redact("coordination.somewhere.something-new.v1", "public", """{"count":1}""").Data);
    }

    [Fact]
    public void Data_with_no_personal_value_is_not_marked_redacted()
    {
        const string correction = """{"workerId":"0193a000-0000-7000-8000-000000000001","newValues":{"originRegion":"53.01.09"},"reason":"r","correctedBy":"x","correctedAt":"2026-11-23T08:00:00+08:00"}""";
        const string company = """{"companyId":"0193a000-0000-7000-8000-000000000002","name":"PT Contoh","licenceNumber":"1","licenceValidFrom":"2020-01-01","licenceValidUntil":"2030-01-01","headOfficeRegion":"31","kupangRepresentativeOffice":true,"registeredBy":"x","registeredAt":"2026-11-23T08:00:00+08:00"}""";

        Assert.False(Redaction.Redact("coordination.worker-registry.worker-record-corrected.v1", "personal", correction).Redacted);
        Assert.False(Redaction.Redact("coordination.worker-registry.placement-company-registered.v1", "public", company).Redacted);
    }

    public static TheoryData<Type> PersonalContracts() =>
        [.. IntegrationEvents.All.Where(c => IntegrationEvents.Classification(c) == DataClassification.Personal)];

    [Theory]
    [MemberData(nameof(PersonalContracts))]
    public void Every_contract_classified_personal_marks_its_personal_data(Type contract) =>
        Assert.True(MarksPersonalData(contract, []), $"{contract.Name} is classified personal but marks no property [PersonalData].");

    private static bool MarksPersonalData(Type type, HashSet<Type> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || !seen.Add(type)) return false;
        if (type.IsGenericType && type.GetGenericArguments().Any(a => MarksPersonalData(a, seen))) return true;
        return type.GetProperties().Any(p => p.GetCustomAttribute<PersonalDataAttribute>() is not null || MarksPersonalData(p.PropertyType, seen));
    }

    private static IEnumerable<string> PersonalValues(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(m => PersonalKeys.Contains(m.Key) ? Strings(m.Value) : PersonalValues(m.Value)),
        JsonArray a => a.SelectMany(PersonalValues),
        _ => [],
    };

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        JsonObject o => o.SelectMany(m => Strings(m.Value)),
        JsonArray a => a.SelectMany(Strings),
        _ => [],
    };

    [GeneratedRegex("[0-9]{16}")]
    private static partial Regex SixteenDigits();
}
