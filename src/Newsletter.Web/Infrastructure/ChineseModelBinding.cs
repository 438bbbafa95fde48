using Microsoft.AspNetCore.Mvc;

namespace Newsletter.Web.Infrastructure;

/// <summary>MVC's own model-binding messages ("The value 'x' is not valid") in Chinese.</summary>
public static class ChineseModelBinding
{
    public static void Apply(MvcOptions options)
    {
        var m = options.ModelBindingMessageProvider;
        m.SetAttemptedValueIsInvalidAccessor((value, field) => $"“{value}”不是有效的{field}。");
        m.SetMissingBindRequiredValueAccessor(field => $"请填写{field}。");
        m.SetMissingKeyOrValueAccessor(() => "请填写这一项。");
        m.SetMissingRequestBodyRequiredValueAccessor(() => "请求内容不能为空。");
        m.SetNonPropertyAttemptedValueIsInvalidAccessor(value => $"“{value}”不是有效的值。");
        m.SetNonPropertyUnknownValueIsInvalidAccessor(() => "填写的值无效。");
        m.SetNonPropertyValueMustBeANumberAccessor(() => "这一项必须是数字。");
        m.SetUnknownValueIsInvalidAccessor(field => $"{field}的值无效。");
        m.SetValueIsInvalidAccessor(value => $"“{value}”无效。");
        m.SetValueMustBeANumberAccessor(field => $"{field}必须是数字。");
        m.SetValueMustNotBeNullAccessor(field => $"请填写{field}。");
    }
}
