using Microsoft.Extensions.DependencyInjection;

namespace SmartPick.Bot.Http.Telemetry;

/// <summary>Wraps the last registration of a service in a decorator, keeping its lifetime.</summary>
internal static class ServiceDecoration
{
    public static void Decorate<TService>(this IServiceCollection services, Func<TService, IServiceProvider, TService> decorate)
        where TService : class
    {
        var index = -1;
        for (var i = services.Count - 1; i >= 0 && index < 0; i--)
        {
            index = services[i].ServiceType == typeof(TService) && !services[i].IsKeyedService ? i : -1;
        }

        if (index < 0)
        {
            return; // not registered in this composition (e.g. no guide): nothing to measure
        }

        var inner = services[index];
        services[index] = new ServiceDescriptor(typeof(TService), sp => decorate(Create<TService>(inner, sp), sp), inner.Lifetime);
    }

    private static TService Create<TService>(ServiceDescriptor inner, IServiceProvider sp) => (TService)(
        inner.ImplementationInstance
        ?? inner.ImplementationFactory?.Invoke(sp)
        ?? ActivatorUtilities.CreateInstance(sp, inner.ImplementationType!));
}
